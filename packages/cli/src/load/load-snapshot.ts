import { analyzeHeap, computeSnapshotStats, loadSnapshot, type HeapAnalysis, type LoadedSnapshot } from '@heapdiff/core';
import { basename } from 'node:path';
import type { SnapshotInfo } from '../json/snapshot-info.js';
import { createProgress, type Progress } from '../output/progress.js';
import { printWarning } from './warnings.js';

/** What every command that loads snapshots takes from the command line. */
export interface LoadArgs {
  /** `--redact`: values from the heap are replaced right after loading. */
  redact?: boolean;
  /** `--quiet`: no progress bars. */
  quiet?: boolean;
}

/** Loads one snapshot with a progress bar phase named after the file. */
export async function loadWithProgress(path: string, progress: Progress, args: LoadArgs): Promise<LoadedSnapshot> {
  const report = progress.phase(`parsing ${basename(path)}`, 1);
  return loadSnapshot(path, { redact: args.redact === true, onProgress: (done, total) => report(done, total), onWarning: printWarning });
}

export interface LoadedAnalysis {
  snapshot: LoadedSnapshot;
  analysis: HeapAnalysis;
  /** What `--json` outputs put under `snapshot`. */
  info: SnapshotInfo;
}

/**
 * Parses one snapshot and runs DevTools' analyses, with progress on a TTY (never with --json).
 * `whileAnalysing` starts work for other threads between the two (the parse keeps both cores busy;
 * the analysis, mostly one).
 */
export async function loadAnalysis(path: string, args: LoadArgs & { json?: boolean }, whileAnalysing?: () => void): Promise<LoadedAnalysis> {
  const progress = createProgress(args.json !== true && args.quiet !== true);
  try {
    const snapshot = await loadWithProgress(path, progress, args);
    whileAnalysing?.();
    const analysis = analyzeHeap(snapshot, { onProgress: progress.phase('computing dominators', 1) });
    return { snapshot, analysis, info: { path, ...computeSnapshotStats(analysis) } };
  } finally {
    progress.stop();
  }
}
