import { basename } from 'node:path';
import { formatCount, formatSignedCount, formatSignedSize, formatSize, loadGrowth, safeText, type ClassGrowth } from '@heapdiff/core';
import { UsageError } from '../../errors.js';
import { createProgress } from '../../output/progress.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { sparkline } from '../../output/sparkline.js';
import { renderTable } from '../../output/table.js';
import { loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { growingClasses, growthJson } from './json.js';
import { applyLimit } from '../../args/options.js';

export interface GrowthArgs extends LoadArgs {
  snapshots: string[];
  limit: number;
  all: boolean;
  json: boolean;
}

/** Series longer than this show their first and last counts only. */
const MAX_LISTED_COUNTS = 5;

function formatCounts(counts: number[]): string {
  const shown = counts.length <= MAX_LISTED_COUNTS ? counts : [counts[0]!, counts[counts.length - 1]!];
  return shown.map(formatCount).join(counts.length <= MAX_LISTED_COUNTS ? ' → ' : ' → … → ');
}

export async function runGrowth(args: GrowthArgs): Promise<number> {
  if (args.snapshots.length < 2) throw new UsageError('growth needs at least two snapshots, oldest first');
  const progress = createProgress(!args.json);
  const series = await loadGrowth(args.snapshots, { load: (path) => loadWithProgress(path, progress, args) });
  progress.stop();
  const classes = growingClasses(series, args.all);
  const rows = applyLimit(classes, args.limit);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(growthJson(series, rows), null, 2)}\n`);
    return 0;
  }
  const last = series.snapshots.length - 1;
  const out = series.snapshots.map((s, i) => `#${i + 1} ${describeSnapshot(s.path, s)}`);
  out.push('');
  if (rows.length === 0) {
    out.push('No class grew beyond its earlier peak.');
  } else {
    out.push(
      renderTable(
        [
          { header: 'Class', value: (c: ClassGrowth) => safeText(c.name, 60) },
          { header: 'Trend', value: (c) => sparkline(c.counts) },
          { header: 'Counts', align: 'right', value: (c) => formatCounts(c.counts) },
          { header: 'Delta', align: 'right', value: (c) => formatSignedCount(c.delta) },
          { header: `Size (#${last + 1})`, align: 'right', value: (c) => formatSize(c.sizes[last]!) },
          { header: 'Size growth', align: 'right', value: (c) => formatSignedSize(c.sizes[last]! - c.sizes[0]!) },
          { header: 'Every step', value: (c) => (c.monotonic ? 'yes' : '') },
        ],
        rows,
      ),
    );
    const noun = args.all ? 'classes' : 'growing classes';
    if (rows.length < classes.length) out.push(`… ${formatCount(classes.length - rows.length)} more ${noun} (--limit 0 shows all)`);
    out.push('', `Delta: count in ${basename(series.snapshots[last]!.path)} minus the highest count in any earlier snapshot.`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
