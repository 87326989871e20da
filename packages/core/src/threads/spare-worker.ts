import type { MessagePort, Worker } from 'node:worker_threads';
import { CTL_SPARE, SPARE_CLAIMED, SPARE_GONE, SPARE_WAITING, type EdgeTailJob, type Job } from './protocol.js';

/**
 * A worker that finished its job and waits a little while for one more (the analysis, when the
 * graph it helped parse is analysed right away), then exits. Claiming it is atomic, so a job is
 * never posted to a worker that has already given up. Owned by the loaded snapshot.
 */
export class SpareWorker {
  constructor(
    private readonly worker: Worker,
    private readonly control: Int32Array,
  ) {}

  /** Posts the job if the worker is still waiting; false when it is gone (or was claimed before). */
  run(job: Job): boolean {
    if (Atomics.compareExchange(this.control, CTL_SPARE, SPARE_WAITING, SPARE_CLAIMED) !== SPARE_WAITING) return false;
    this.worker.postMessage(job);
    return true;
  }
}

/** Worker side: the next job, or null once `job.spareMs` passed unclaimed. */
export function nextJob(job: EdgeTailJob, port: MessagePort): Promise<Job | null> {
  const control = new Int32Array(job.control);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // A claimed worker has a job on its way: keep waiting for it.
      if (Atomics.compareExchange(control, CTL_SPARE, SPARE_WAITING, SPARE_GONE) !== SPARE_WAITING) return;
      port.close();
      resolve(null);
    }, job.spareMs);
    port.once('message', (next: Job) => {
      clearTimeout(timer);
      resolve(next);
    });
  });
}
