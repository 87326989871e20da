import { analyzeHeap, type HeapAnalysis, type HeapSnapshot } from '@heapdiff/core';
import { createProgress } from '../output/progress.js';
import type { SnapshotInfo } from '../output/snapshot-header.js';
import { loadWithProgress } from './load.js';

export interface LoadedAnalysis {
  snapshot: HeapSnapshot;
  analysis: HeapAnalysis;
  /** What `--json` outputs put under `snapshot`. */
  info: SnapshotInfo & { path: string };
}

/**
 * Parses one snapshot and runs DevTools' analyses, with progress on a TTY (never with --json).
 * `whileAnalysing` starts work for other threads between the two (the parse keeps both cores busy;
 * the analysis, mostly one).
 */
export async function loadAnalysis(path: string, json: boolean, whileAnalysing?: () => void): Promise<LoadedAnalysis> {
  const progress = createProgress(!json);
  try {
    const snapshot = await loadWithProgress(path, progress);
    whileAnalysing?.();
    const analysis = analyzeHeap(snapshot.graph, { onProgress: progress.phase('computing dominators', 1) });
    const g = snapshot.graph;
    const totalSize = analysis.retainedSize[g.rootOrdinal]! + g.extraNativeBytes;
    return { snapshot, analysis, info: { path, nodeCount: g.nodeCount, edgeCount: g.edgeCount, totalSize } };
  } finally {
    progress.stop();
  }
}
