import { computeSummary, type ClassSummary, type SnapshotSummary } from '@heapdiff/core';
import { formatCount, formatSize, safeText } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import { renderTable } from '../output/table.js';
import type { SummaryOutput } from '../schemas/summary.js';
import { loadWithProgress } from './load.js';
import { applyLimit } from './options.js';

export interface SummaryArgs {
  snapshot: string;
  limit: number;
  sort: 'retained' | 'self' | 'count';
  json: boolean;
}

const sorters: Record<SummaryArgs['sort'], (a: ClassSummary, b: ClassSummary) => number> = {
  retained: (a, b) => b.retainedSize - a.retainedSize || b.selfSize - a.selfSize,
  self: (a, b) => b.selfSize - a.selfSize || b.retainedSize - a.retainedSize,
  count: (a, b) => b.count - a.count || b.retainedSize - a.retainedSize,
};

/** The classes in `--sort` order. */
export function sortSummaryClasses(summary: SnapshotSummary, sort: SummaryArgs['sort']): ClassSummary[] {
  return [...summary.classes].sort(sorters[sort]);
}

/** `summary --json` (also the report's data): `rows` are the classes shown. */
export function summaryJson(path: string, summary: SnapshotSummary, rows: ClassSummary[]): SummaryOutput {
  return {
    snapshot: { path, nodeCount: summary.nodeCount, edgeCount: summary.edgeCount, totalSize: summary.totalSize },
    classes: rows.map((c) => ({ name: c.name, key: c.key, count: c.count, selfSize: c.selfSize, retainedSize: c.retainedSize })),
  };
}

export async function runSummary(args: SummaryArgs): Promise<number> {
  const progress = createProgress(!args.json);
  const snapshot = await loadWithProgress(args.snapshot, progress);
  const report = progress.phase('computing dominators', 1);
  const summary = computeSummary(snapshot, { onProgress: report });
  progress.stop();
  const classes = sortSummaryClasses(summary, args.sort);
  const rows = applyLimit(classes, args.limit);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(args.snapshot, summary, rows), null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(`${safeText(args.snapshot, 200)}: ${formatCount(summary.nodeCount)} objects, ${formatCount(summary.edgeCount)} references, ${formatSize(summary.totalSize)} total`);
  out.push('');
  out.push(
    renderTable(
      [
        { header: 'Class', value: (c: ClassSummary) => safeText(c.name, 60) },
        { header: 'Count', align: 'right', value: (c) => formatCount(c.count) },
        { header: 'Self size', align: 'right', value: (c) => formatSize(c.selfSize) },
        { header: 'Retained size', align: 'right', value: (c) => formatSize(c.retainedSize) },
      ],
      rows,
    ),
  );
  if (rows.length < classes.length) out.push(`… ${formatCount(classes.length - rows.length)} more classes (--limit 0 shows all)`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
