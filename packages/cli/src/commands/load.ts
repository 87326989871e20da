import { loadSnapshot, type HeapSnapshot } from '@heapdiff/core';
import { basename } from 'node:path';
import type { Progress } from '../output/progress.js';

/** Loads one snapshot with a progress bar phase named after the file. */
export async function loadWithProgress(path: string, progress: Progress): Promise<HeapSnapshot> {
  const report = progress.phase(`parsing ${basename(path)}`, 1);
  return loadSnapshot(path, { onProgress: (done, total) => report(done, total) });
}
