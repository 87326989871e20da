import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileReadError, HeapSnapshotError } from '../errors.js';
import { IdIndex } from '../graph/id-index.js';
import type { IdsWorkerReply } from './ids-worker.js';

const WORKER_URL = new URL('./ids-worker.js', import.meta.url);

/** Whether the compiled worker is there (not when running from sources). */
export function canReadIdsInBackground(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** The id index of a snapshot, read and built on a worker thread; its errors are re-thrown here as they were. */
export function readIdIndexInBackground(path: string): Promise<IdIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { path } });
    let replied = false;
    worker.once('message', (reply: IdsWorkerReply) => {
      replied = true;
      if (reply.ok) resolve(IdIndex.fromParts(reply));
      else if (reply.kind === 'snapshot') reject(new HeapSnapshotError(reply.code, reply.message, reply.offset, reply.file));
      else if (reply.kind === 'file') reject(new FileReadError(reply.file, reply.message));
      else reject(new Error(reply.message));
    });
    worker.once('error', (error) => {
      replied = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`reading the ids of ${path} stopped (worker exit code ${code})`));
    });
  });
}
