import type { HeapAnalysis } from '../analysis/analyze.js';
import { aggregateClasses } from './class-aggregates.js';
import type { SnapshotStats } from './class-histogram.js';

export interface ClassSummary {
  /** DevTools' aggregate key (stable across snapshots; unique per row). */
  key: string;
  name: string;
  count: number;
  selfSize: number;
  retainedSize: number;
  /** Shortest distance from a root of any member. */
  distance: number;
}

export interface SnapshotSummary extends SnapshotStats {
  classes: ClassSummary[];
  analysis: HeapAnalysis;
}

/** DevTools' Summary view: one row per class, largest retained size first. */
export function computeSummary(analysis: HeapAnalysis): SnapshotSummary {
  const g = analysis.graph;
  const rows = aggregateClasses({
    classes: analysis.classes,
    selfSize: analysis.selfSize,
    retainedSize: analysis.retainedSize,
    distance: analysis.distance,
    tree: analysis.dominatorTree,
    root: g.rootOrdinal,
  });
  const classes = rows.map((r) => ({
    key: analysis.classes.keys[r.classId]!,
    name: analysis.classes.names[r.classId]!,
    count: r.count,
    selfSize: r.selfSize,
    retainedSize: r.retainedSize,
    distance: r.distance,
  }));
  classes.sort((a, b) => b.retainedSize - a.retainedSize || b.selfSize - a.selfSize || (a.key < b.key ? -1 : 1));
  return { ...computeSnapshotStats(analysis), classes, analysis };
}

/** Objects, references and DevTools' total size: the root's retained size plus extra_native_bytes. */
export function computeSnapshotStats(analysis: HeapAnalysis): SnapshotStats {
  const g = analysis.graph;
  return { nodeCount: g.nodeCount, edgeCount: g.edgeCount, totalSize: analysis.retainedSize[g.rootOrdinal]! + g.extraNativeBytes };
}
