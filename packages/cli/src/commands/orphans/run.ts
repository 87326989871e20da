import { findOrphans, type OrphanGroup, formatCount, formatSize, safeText } from '@heapdiff/core';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { renderTable } from '../../output/table.js';
import type { OrphansOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { applyLimit } from '../../args/options.js';

export interface OrphansArgs extends LoadArgs {
  snapshot: string;
  limit: number;
  json: boolean;
}

/** Sample ids shown per row in the table (JSON has up to 5). */
const TABLE_SAMPLES = 3;

export async function runOrphans(args: OrphansArgs): Promise<number> {
  const { analysis, info } = await loadAnalysis(args.snapshot, args);
  const groups = findOrphans(analysis);
  const rows = applyLimit(groups, args.limit);
  const orphanCount = groups.reduce((sum, g) => sum + g.count, 0);
  const ids = (g: OrphanGroup): number[] => g.samples.map((o) => analysis.graph.nodeId[o]!);
  if (args.json) {
    const output: OrphansOutput = {
      snapshot: info,
      orphanCount,
      groups: rows.map((g) => ({
        name: g.name, key: g.key, count: g.count, selfSize: g.selfSize, retainedSize: g.retainedSize,
        categories: g.categories, sampleIds: ids(g),
      })),
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const out = [describeSnapshot(args.snapshot, info), ''];
  if (groups.length === 0) {
    out.push('No orphans: every object is reachable from the global object.');
  } else {
    out.push(`${formatCount(orphanCount)} objects that no JavaScript object holds (native handles, the stack, weak references):`, '');
    out.push(
      renderTable(
        [
          { header: 'Class', value: (g: OrphanGroup) => safeText(g.name, 50) },
          { header: 'Count', align: 'right', value: (g) => formatCount(g.count) },
          { header: 'Retained size', align: 'right', value: (g) => formatSize(g.retainedSize) },
          { header: 'Held by', value: (g) => heldBy(g) },
          { header: 'Examples', value: (g) => ids(g).slice(0, TABLE_SAMPLES).map((id) => `@${id}`).join(' ') },
        ],
        rows,
      ),
    );
    if (rows.length < groups.length) out.push(`… ${formatCount(groups.length - rows.length)} more classes (--limit 0 shows all)`);
    out.push('', 'Next: heapdiff inspect <snapshot> --id <id>, or heapdiff path <snapshot> --id <id>');
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** `(Global handles) ×4, (Stack roots) ×2` (the count only when there is more than one category). */
function heldBy(g: OrphanGroup): string {
  const shown = g.categories.slice(0, 3).map((c) => (g.categories.length > 1 ? `${safeText(c.category, 60)} ×${formatCount(c.count)}` : safeText(c.category, 60)));
  if (g.categories.length > 3) shown.push(`+${g.categories.length - 3} more`);
  return shown.join(', ');
}
