import type { ClassSummary, SnapshotSummary } from '@heapdiff/core';
import type { SummaryOutput } from './schema.js';

export type SummarySort = 'retained' | 'self' | 'count';

export const summarySorters: Record<SummarySort, (a: ClassSummary, b: ClassSummary) => number> = {
  retained: (a, b) => b.retainedSize - a.retainedSize || b.selfSize - a.selfSize,
  self: (a, b) => b.selfSize - a.selfSize || b.retainedSize - a.retainedSize,
  count: (a, b) => b.count - a.count || b.retainedSize - a.retainedSize,
};

/** The classes in `--sort` order. */
export function sortSummaryClasses(summary: SnapshotSummary, sort: SummarySort): ClassSummary[] {
  return [...summary.classes].sort(summarySorters[sort]);
}

/** `summary --json` (also the report's data): `rows` are the classes shown. */
export function summaryJson(path: string, summary: SnapshotSummary, rows: readonly ClassSummary[]): SummaryOutput {
  return {
    snapshot: { path, nodeCount: summary.nodeCount, edgeCount: summary.edgeCount, totalSize: summary.totalSize },
    classes: rows.map((c) => ({ name: c.name, key: c.key, count: c.count, selfSize: c.selfSize, retainedSize: c.retainedSize })),
  };
}
