import { computeSummary, formatCount, formatSize, safeText, type ClassSummary } from '@heapdiff/core';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { renderTable } from '../../output/table.js';
import { summaryJson, summarySorters } from './json.js';
import { summaryOptions } from './options.js';

export interface SummaryArgs extends LoadArgs {
  snapshot: string;
  [option: string]: unknown;
}

export async function runSummary(args: SummaryArgs): Promise<number> {
  const opts = summaryOptions.read(args, [args.snapshot]);
  const { analysis } = await loadAnalysis(args.snapshot, opts.load);
  const summary = computeSummary(analysis);
  const shown = opts.select(summary.classes, { name: (c) => c.name, size: (c) => c.retainedSize, sorters: summarySorters });
  await opts.emit({
    json: () => summaryJson(args.snapshot, summary, shown.rows),
    csv: () => ({
      columns: [
        { key: 'name', csv: (c: ClassSummary) => c.name },
        { key: 'key', csv: (c) => c.key },
        { key: 'count', csv: (c) => c.count },
        { key: 'selfSize', csv: (c) => c.selfSize },
        { key: 'retainedSize', csv: (c) => c.retainedSize },
      ],
      rows: shown.rows,
    }),
    text: () => {
      const table = renderTable(
        [
          { header: 'Class', value: (c: ClassSummary) => safeText(c.name, 60) },
          { header: 'Count', align: 'right', value: (c) => formatCount(c.count) },
          { header: 'Self size', align: 'right', value: (c) => formatSize(c.selfSize) },
          { header: 'Retained size', align: 'right', value: (c) => formatSize(c.retainedSize) },
        ],
        shown.rows,
        opts.colors,
      );
      if (opts.quiet) return shown.rows.length > 0 ? [table] : [];
      const out = [describeSnapshot(args.snapshot, summary), ''];
      out.push(shown.rows.length > 0 ? table : 'No class matches the filters.');
      out.push(...opts.more(shown, 'class', 'classes').map((line) => opts.colors.dim(line)));
      return out;
    },
  });
  return 0;
}
