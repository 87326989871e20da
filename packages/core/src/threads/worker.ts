// The one worker entry (see protocol.ts). Each job kind's code is imported only when a job of that
// kind arrives, so a worker starts as quickly as its job allows.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Job } from './protocol.js';

async function run(job: Job, port: MessagePort): Promise<void> {
  switch (job.kind) {
    case 'edge-tail': {
      const { runEdgeTailJob } = await import('./edge-tail-job.js');
      // A spare takes the next job (the analysis of the graph it helped parse) if one comes soon.
      if (runEdgeTailJob(job)) await waitAsSpare(job, port);
      return;
    }
    case 'analysis':
      (await import('./analysis-job.js')).runAnalysisJob(job);
      return;
    case 'ids':
      await (await import('./ids-job.js')).runIdsJob(job, port);
      return;
  }
}

async function waitAsSpare(job: Job & { kind: 'edge-tail' }, port: MessagePort): Promise<void> {
  const { nextJob } = await import('./spare-worker.js');
  const next = await nextJob(job, port);
  if (next) await run(next, port);
  port.close();
}

await run(workerData as Job, parentPort!);
