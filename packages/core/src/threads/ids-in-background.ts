import { FileReadError, HeapSnapshotError, type HeapdiffErrorCode } from '../errors/errors.js';
import { IdIndex } from '../graph/id-index.js';
import { loadSnapshotIds } from '../load/snapshot.js';
import type { IdsReply } from './protocol.js';
import { spawnWorker, workersAvailable } from './spawn.js';

/**
 * loadSnapshotIds on a worker thread, so this thread can analyse another snapshot meanwhile (what
 * `leaks` does with its earlier snapshots). Same result and errors; runs here when no worker can start.
 */
export function loadSnapshotIdsInBackground(path: string): Promise<IdIndex> {
  if (!workersAvailable()) return loadSnapshotIds(path);
  return new Promise((resolve, reject) => {
    const worker = spawnWorker({ kind: 'ids', path }, { helper: false });
    let replied = false;
    worker.once('message', (reply: IdsReply) => {
      replied = true;
      if (reply.ok) resolve(IdIndex.fromParts(reply));
      else if (reply.kind === 'snapshot') reject(new HeapSnapshotError(reply.code as HeapdiffErrorCode, reply.message, reply.offset, reply.file));
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
