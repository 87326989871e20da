import { randomBytes } from 'node:crypto';
import { closeSync, openSync, realpathSync, rmSync, statSync, writeFile } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';

/** Same file, through any path spelling, symlink or hard link. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/** Refuses an output path that would replace one of the input snapshots. */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  for (const input of inputs) {
    if (sameFile(output, input)) throw new UsageError(`refusing to overwrite the input snapshot ${input} with -o ${output}`);
  }
}

/** Every file heapdiff writes: snapshots and what is drawn or reported from them hold the program's data, secrets included. */
export const PRIVATE_FILE_MODE = 0o600;

/** fs.promises.writeFile takes no plain descriptor; the callback API does. */
const writeToFd = promisify(writeFile);

/** Temporary files (and directories) being written right now: removed if Ctrl-C (or a kill) comes first. */
const pendingTemps = new Set<string>();
const CLEANUP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true, recursive: true });
  pendingTemps.clear();
}

/**
 * Registers a temporary path (a file, or a directory with everything in it) to remove on Ctrl-C
 * or a kill until `releaseTemp`; for writers that stage more than one file.
 */
export function holdTemp(path: string): void {
  pendingTemps.add(path);
  watchSignals();
}

export function releaseTemp(path: string): void {
  pendingTemps.delete(path);
  if (pendingTemps.size === 0) stopWatchingSignals();
}

function onSignal(signal: NodeJS.Signals): void {
  removePendingTemps();
  stopWatchingSignals();
  // With no other handler (record has its own), die of the signal as if we had never caught it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Signal handlers only while a temporary file exists: a handler makes Node wait for the event
 * loop, which would leave Ctrl-C unanswered during a long synchronous analysis.
 */
function watchSignals(): void {
  if (pendingTemps.size !== 1) return;
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onSignal);
  process.on('exit', removePendingTemps);
}

function stopWatchingSignals(): void {
  for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
  process.off('exit', removePendingTemps);
}

/**
 * Writes through a temporary file in the same directory and renames it into place, so the output
 * path holds the old file or the complete new one, never part of one; the temporary file goes
 * away on errors and on Ctrl-C.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(temp);
  watchSignals();
  try {
    // Created synchronously, so the file exists whenever a signal handler can run and remove it;
    // readable by its owner only: what heapdiff writes comes from heaps, which hold secrets.
    const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await writeToFd(fd, data);
    } finally {
      closeSync(fd);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot write ${path} (${reason})`);
  } finally {
    pendingTemps.delete(temp);
    if (pendingTemps.size === 0) stopWatchingSignals();
  }
}
