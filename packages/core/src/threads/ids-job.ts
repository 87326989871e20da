import type { MessagePort } from 'node:worker_threads';
import { FileReadError, HeapSnapshotError, type SnapshotWarning } from '../errors/errors.js';
import { readSnapshotIds } from '../load/read-snapshot.js';
import type { IdsJob, IdsReply } from './protocol.js';

/** Reads a snapshot's ids and posts their index (ids-in-background.ts re-throws its errors). */
export async function runIdsJob(job: IdsJob, port: MessagePort): Promise<void> {
  let reply: IdsReply;
  try {
    const warnings: SnapshotWarning[] = [];
    const parts = (await readSnapshotIds(job.path, { onWarning: (warning) => warnings.push(warning) })).index.parts();
    reply = { ok: true, warnings, ...parts };
  } catch (error) {
    reply = error instanceof HeapSnapshotError ? { ok: false, kind: 'snapshot', code: error.code, message: error.message, offset: error.offset, file: error.file }
      : error instanceof FileReadError ? { ok: false, kind: 'file', file: error.file, message: error.message }
      : { ok: false, kind: 'other', message: error instanceof Error ? error.message : String(error) };
  }
  const transfer = reply.ok ? [reply.slots.buffer as ArrayBuffer, ...(reply.nodeTypes ? [reply.nodeTypes.column.buffer as ArrayBuffer] : [])] : [];
  port.postMessage(reply, transfer);
}
