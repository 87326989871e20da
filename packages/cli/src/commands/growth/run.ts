import { basename } from 'node:path';
import { formatCount, formatSignedCount, formatSignedSize, formatSize, loadGrowth, safeText, type ClassGrowth } from '@heapdiff/core';
import { readSnapshots, snapshotLabel } from '../../args/snapshots.js';
import type { CsvValue } from '../../output/csv.js';
import { createProgress } from '../../output/progress.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { sparkline } from '../../output/sparkline.js';
import { renderTable } from '../../output/table.js';
import { loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { growingClasses, growthJson, growthSorters, sizeGrowth } from './json.js';
import { growthOptions } from './options.js';

export interface GrowthArgs extends LoadArgs {
  snapshots: string[];
  all?: boolean;
  [option: string]: unknown;
}

/** Series longer than this show their first and last counts only. */
const MAX_LISTED_COUNTS = 5;

function formatCounts(counts: number[]): string {
  const shown = counts.length <= MAX_LISTED_COUNTS ? counts : [counts[0]!, counts[counts.length - 1]!];
  return shown.map(formatCount).join(counts.length <= MAX_LISTED_COUNTS ? ' → ' : ' → … → ');
}

export async function runGrowth(args: GrowthArgs): Promise<number> {
  const paths = readSnapshots(args.snapshots, 'growth', 2);
  const opts = growthOptions.read(args, paths);
  const progress = createProgress(opts.progress);
  const series = await loadGrowth(paths, { load: (path) => loadWithProgress(path, progress, opts.load) });
  progress.stop();
  const classes = growingClasses(series, args.all === true);
  const shown = opts.select(classes, {
    name: (c) => c.name,
    size: (c) => Math.abs(sizeGrowth(c)),
    sorters: growthSorters,
    allNames: () => series.classes.map((c) => c.name),
  });
  const last = series.snapshots.length - 1;
  const perSnapshot = (prefix: string, value: (c: ClassGrowth, i: number) => CsvValue) =>
    series.snapshots.map((_, i) => ({ key: `${prefix}${snapshotLabel(i)}`, csv: (c: ClassGrowth) => value(c, i) }));
  await opts.emit({
    json: () => growthJson(series, shown.rows),
    csv: () => ({
      columns: [
        { key: 'name', csv: (c: ClassGrowth) => c.name },
        { key: 'key', csv: (c) => c.key },
        { key: 'delta', csv: (c) => c.delta },
        { key: 'monotonic', csv: (c) => c.monotonic },
        ...perSnapshot('count', (c, i) => c.counts[i]),
        ...perSnapshot('size', (c, i) => c.sizes[i]),
      ],
      rows: shown.rows,
    }),
    text: () => {
      const table = renderTable(
        [
          { header: 'Class', value: (c: ClassGrowth) => safeText(c.name, 60) },
          { header: 'Trend', value: (c) => sparkline(c.counts) },
          { header: 'Counts', align: 'right', value: (c) => formatCounts(c.counts) },
          { header: 'Delta', align: 'right', value: (c) => formatSignedCount(c.delta) },
          { header: `Size (${snapshotLabel(last)})`, align: 'right', value: (c) => formatSize(c.sizes[last]!) },
          { header: 'Size growth', align: 'right', value: (c) => formatSignedSize(sizeGrowth(c)) },
          { header: 'Every step', value: (c) => (c.monotonic ? 'yes' : '') },
        ],
        shown.rows,
        opts.colors,
      );
      if (opts.quiet) return shown.rows.length > 0 ? [table] : [];
      const out = series.snapshots.map((s, i) => `${snapshotLabel(i)} ${describeSnapshot(s.path, s)}`);
      out.push('');
      if (classes.length === 0) return [...out, 'No class grew beyond its earlier peak.'];
      if (shown.rows.length === 0) return [...out, 'No class matches the filters.'];
      out.push(table);
      out.push(...opts.more(shown, args.all ? 'class' : 'growing class', args.all ? 'classes' : 'growing classes').map((line) => opts.colors.dim(line)));
      out.push('', opts.colors.dim(`Delta: count in ${safeText(basename(series.snapshots[last]!.path), 80)} minus the highest count in any earlier snapshot.`));
      return out;
    },
  });
  return 0;
}
