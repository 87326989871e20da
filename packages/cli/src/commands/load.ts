import { loadSnapshot, type HeapSnapshot, type LoadOptions } from '@heapdiff/core';
import { basename } from 'node:path';
import type { Progress } from '../output/progress.js';

/** Global options that change how every snapshot is loaded (`--redact`). */
export type SharedLoadOptions = Pick<LoadOptions, 'redact'>;

let shared: SharedLoadOptions = {};

/** Set once from the parsed command line (main.ts), before any command runs. */
export function configureLoading(options: SharedLoadOptions): void {
  shared = { ...options };
}

/** Loads one snapshot with a progress bar phase named after the file. */
export async function loadWithProgress(path: string, progress: Progress): Promise<HeapSnapshot> {
  const report = progress.phase(`parsing ${basename(path)}`, 1);
  return loadSnapshot(path, { ...shared, onProgress: (done, total) => report(done, total) });
}
