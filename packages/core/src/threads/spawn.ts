import { existsSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Job } from './protocol.js';

// Compiled output only: `dist/threads/worker.js`, or `bundle/worker.js` beside the CLI's bundle.
const WORKER_URL = new URL('./worker.js', import.meta.url);

let available: boolean | undefined;

/** Whether workers can start: not when this module runs from TypeScript sources. */
export function workersAvailable(): boolean {
  available ??= WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  return available;
}

/**
 * Starts the worker entry on a job. A helper the main thread can do without is unref'd (`helper`),
 * so it never keeps the process alive by itself; one whose reply is awaited is not.
 */
export function spawnWorker(job: Job, options: { helper: boolean }): Worker {
  const worker = new Worker(WORKER_URL, { workerData: job });
  if (options.helper) worker.unref();
  return worker;
}

/** HEAPDIFF_DEBUG_SPLIT=1 prints when each side of a split parse reaches each step (to tune it). */
export const debugSplitEnabled = Boolean(process.env.HEAPDIFF_DEBUG_SPLIT);

export function debugSplit(what: string): void {
  if (debugSplitEnabled) writeSync(2, `edge split: ${what} at ${Math.round(performance.timeOrigin + performance.now()) % 100_000} ms\n`);
}
