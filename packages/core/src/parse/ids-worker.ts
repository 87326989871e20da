// Worker entry: reads a snapshot's ids and builds their index while the main thread analyses
// another snapshot (the leak baseline, see snapshot.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { FileReadError, HeapSnapshotError } from '../errors.js';
import { IdIndex } from '../graph/id-index.js';
import { readSnapshotIds } from './read-snapshot.js';

export type IdsWorkerReply =
  | { ok: true; slots: Uint32Array; size: number }
  | { ok: false; kind: 'snapshot'; code: HeapSnapshotError['code']; message: string; offset: number; file: string | undefined }
  | { ok: false; kind: 'file'; file: string; message: string }
  | { ok: false; kind: 'other'; message: string };

const { path } = workerData as { path: string };
let reply: IdsWorkerReply;
try {
  const parts = new IdIndex((await readSnapshotIds(path)).ids).parts();
  reply = { ok: true, ...parts };
} catch (error) {
  reply = error instanceof HeapSnapshotError ? { ok: false, kind: 'snapshot', code: error.code, message: error.message, offset: error.offset, file: error.file }
    : error instanceof FileReadError ? { ok: false, kind: 'file', file: error.file, message: error.message }
    : { ok: false, kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply, reply.ok ? [reply.slots.buffer as ArrayBuffer] : []);
