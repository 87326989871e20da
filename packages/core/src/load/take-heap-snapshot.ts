import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from 'node:inspector';
import { HeapdiffError } from '../errors/errors.js';
import { createPrivateDir, PRIVATE_FILE_MODE } from './snapshot-files.js';

interface ChunkMessage {
  params: { chunk: string };
}

let shared: Promise<Session> | null = null;
/** Where the chunks of the snapshot being taken go; one listener for the session's lifetime. */
const sink: { fd: number; failure: unknown } = { fd: -1, failure: undefined };

function onChunk(message: ChunkMessage): void {
  if (sink.fd < 0 || sink.failure !== undefined) return;
  try {
    writeSync(sink.fd, message.params.chunk);
  } catch (error) {
    sink.failure = error; // disk full: remembered, reported once the snapshot call returns
  }
}

/**
 * One inspector session for the whole process, never disconnected: V8 forgets its object ids when
 * a session goes away, and stable ids across snapshots are what leak detection compares.
 * `node:inspector` is loaded on first use so Node builds without the inspector can still load core.
 */
function session(): Promise<Session> {
  shared ??= import('node:inspector').catch((error: unknown) => {
    shared = null;
    throw new HeapdiffError('E_INSPECTOR_UNAVAILABLE', `heap snapshots need node:inspector, which this Node.js build does not provide (${(error as Error).message})`);
  }).then(({ Session }) => {
    const s = new Session();
    s.connect();
    s.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    return s;
  });
  return shared;
}

function post(s: Session, method: string, params?: object): Promise<void> {
  return new Promise((resolve, reject) => {
    s.post(method, params ?? {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** Serialises snapshots: two at once would interleave their chunks on the one session. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes a heap snapshot of this process (after a full GC) to `path`, chunk by chunk as the
 * inspector streams it, and resolves with the path. The file is readable by this user only
 * (0600): it holds everything the process held. Without a path, a new file in a private directory
 * (0700, one per process, under os.tmpdir()) that the caller owns. Object ids stay stable across
 * calls, so the files work with `heapdiff leaks`.
 */
export function takeHeapSnapshot(path?: string): Promise<string> {
  const run = queue.then(async () => writeSnapshot(path ?? join(await privateDir(), `heapdiff-${process.pid}-${Date.now()}-${randomBytes(3).toString('hex')}.heapsnapshot`)));
  queue = run.catch(() => undefined);
  return run;
}

let ownDir: Promise<string> | null = null;

/** This process's directory for snapshots taken without a path; removed at exit once empty. */
function privateDir(): Promise<string> {
  if (ownDir === null) {
    ownDir = createPrivateDir('heapdiff-snapshots-').then((dir) => {
      process.once('exit', () => {
        try {
          rmdirSync(dir);
        } catch {
          // still holds the caller's snapshots
        }
      });
      return dir;
    });
    ownDir.catch(() => (ownDir = null)); // the next call tries again
  }
  return ownDir;
}

/** Written beside the target (new, private) and renamed into place: a failure leaves no partial file. */
async function writeSnapshot(file: string): Promise<string> {
  const s = await session();
  await post(s, 'HeapProfiler.collectGarbage');
  const partial = `${file}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  sink.fd = openSync(partial, 'wx', PRIVATE_FILE_MODE);
  sink.failure = undefined;
  try {
    await post(s, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    if (sink.failure !== undefined) throw sink.failure;
    closeSync(sink.fd);
    sink.fd = -1;
    renameSync(partial, file);
  } catch (error) {
    if (sink.fd >= 0) closeSync(sink.fd);
    sink.fd = -1;
    rmSync(partial, { force: true });
    throw error;
  }
  return file;
}
