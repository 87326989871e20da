import { findOrphans, formatCount, formatSize, safeText, type OrphanGroup } from '@heapdiff/core';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { renderTable } from '../../output/table.js';
import type { OrphansOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { orphansOptions } from './options.js';

export interface OrphansArgs extends LoadArgs {
  snapshot: string;
  [option: string]: unknown;
}

/** Sample ids shown per row in the table (JSON has up to 5). */
const TABLE_SAMPLES = 3;

const byName = (a: OrphanGroup, b: OrphanGroup): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const sorters = {
  retained: (a: OrphanGroup, b: OrphanGroup) => b.retainedSize - a.retainedSize || b.count - a.count || byName(a, b),
  count: (a: OrphanGroup, b: OrphanGroup) => b.count - a.count || b.retainedSize - a.retainedSize || byName(a, b),
  name: byName,
};

export async function runOrphans(args: OrphansArgs): Promise<number> {
  const opts = orphansOptions.read(args, [args.snapshot]);
  const { analysis, info } = await loadAnalysis(args.snapshot, opts.load);
  const groups = findOrphans(analysis);
  const shown = opts.select(groups, {
    name: (g) => g.name,
    size: (g) => g.retainedSize,
    sorters,
    allNames: () => analysis.classes.names,
  });
  const orphanCount = shown.matched.reduce((sum, g) => sum + g.count, 0);
  const ids = (g: OrphanGroup): number[] => g.samples.map((o) => analysis.graph.nodeId[o]!);
  await opts.emit({
    json: (): OrphansOutput => ({
      snapshot: info,
      orphanCount,
      groups: shown.rows.map((g) => ({
        name: g.name, key: g.key, count: g.count, selfSize: g.selfSize, retainedSize: g.retainedSize,
        categories: g.categories, sampleIds: ids(g),
      })),
    }),
    csv: () => ({
      columns: [
        { key: 'name', csv: (g: OrphanGroup) => g.name },
        { key: 'key', csv: (g) => g.key },
        { key: 'count', csv: (g) => g.count },
        { key: 'selfSize', csv: (g) => g.selfSize },
        { key: 'retainedSize', csv: (g) => g.retainedSize },
        { key: 'categories', csv: (g) => g.categories.map((c: OrphanGroup['categories'][number]) => `${c.category} x${c.count}`).join('; ') },
        { key: 'sampleIds', csv: (g) => ids(g).join(' ') },
      ],
      rows: shown.rows,
    }),
    text: () => {
      const table = renderTable(
        [
          { header: 'Class', value: (g: OrphanGroup) => safeText(g.name, 50) },
          { header: 'Count', align: 'right', value: (g) => formatCount(g.count) },
          { header: 'Retained size', align: 'right', value: (g) => formatSize(g.retainedSize) },
          { header: 'Held by', value: (g) => heldBy(g) },
          { header: 'Examples', value: (g) => ids(g).slice(0, TABLE_SAMPLES).map((id) => `@${id}`).join(' ') },
        ],
        shown.rows,
        opts.colors,
      );
      if (opts.quiet) return shown.rows.length > 0 ? [table] : [];
      const out = [describeSnapshot(args.snapshot, info), ''];
      if (groups.length === 0) return [...out, 'No orphans: every object is reachable from the global object.'];
      if (shown.rows.length === 0) return [...out, 'No orphan class matches the filters.'];
      const held = orphanCount === 1 ? 'object that no JavaScript object holds' : 'objects that no JavaScript object holds';
      out.push(`${formatCount(orphanCount)} ${held} (native handles, the stack, weak references):`, '');
      out.push(table, ...opts.more(shown, 'class', 'classes').map((line) => opts.colors.dim(line)));
      const example = ids(shown.rows[0]!)[0];
      const file = safeText(args.snapshot, 200);
      if (example !== undefined) out.push('', opts.colors.dim(`Next: heapdiff inspect ${file} @${example}, or heapdiff path ${file} @${example}`));
      return out;
    },
  });
  return 0;
}

/** `(Global handles) ×4, (Stack roots) ×2` (the count only when there is more than one category). */
function heldBy(g: OrphanGroup): string {
  const shown = g.categories.slice(0, 3).map((c) => (g.categories.length > 1 ? `${safeText(c.category, 60)} ×${formatCount(c.count)}` : safeText(c.category, 60)));
  if (g.categories.length > 3) shown.push(`+${g.categories.length - 3} more`);
  return shown.join(', ');
}
