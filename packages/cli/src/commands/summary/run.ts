import { computeSummary, formatCount, formatSize, safeText, type ClassSummary } from '@heapdiff/core';
import { applyLimit } from '../../args/options.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { renderTable } from '../../output/table.js';
import { sortSummaryClasses, summaryJson, type SummarySort } from './json.js';

export interface SummaryArgs extends LoadArgs {
  snapshot: string;
  limit: number;
  sort: SummarySort;
  json: boolean;
}

export async function runSummary(args: SummaryArgs): Promise<number> {
  const { analysis } = await loadAnalysis(args.snapshot, args);
  const summary = computeSummary(analysis);
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
