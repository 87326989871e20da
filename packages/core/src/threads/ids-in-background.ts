import { FileReadError, HeapSnapshotError, type HeapdiffErrorCode } from '../errors/errors.js';
import { IdIndex } from '../graph/id-index.js';
import { readsStdin, type ReadOptions } from '../load/read-snapshot.js';
import { loadSnapshotIds } from '../load/snapshot.js';
import type { IdsReply } from './protocol.js';
import { spawnWorker, workersAvailable } from './spawn.js';

/**
 * loadSnapshotIds on a worker thread, so this thread can analyse another snapshot meanwhile (what
 * `leaks` does with its earlier snapshots). Same result, errors and warnings; runs here when no
 * worker can start, and for standard input, which only this thread reads.
 */
export function loadSnapshotIdsInBackground(path: string, options: Pick<ReadOptions, 'onWarning'> = {}): Promise<IdIndex> {
  if (!workersAvailable() || readsStdin(path)) return loadSnapshotIds(path, options);
  return new Promise((resolve, reject) => {
    const worker = spawnWorker({ kind: 'ids', path }, { helper: false });
    let replied = false;
    worker.once('message', (reply: IdsReply) => {
      replied = true;
      if (reply.ok) for (const warning of reply.warnings) options.onWarning?.(warning);
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
