import {
  CodeNames, describeWhere, findSuspects, formatCount, formatPath, formatSize, holderName, plural, programPathView, safeText, visible, type LeakSuspect,
} from '@heapdiff/core';
import { UsageError } from '../../errors.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { keepHolder } from '../../args/class-filter.js';
import { suspectsJson } from './json.js';
import { suspectsOptions } from './options.js';

export interface SuspectsArgs extends LoadArgs {
  snapshot: string;
  minShare?: unknown;
  [option: string]: unknown;
}

/** Classes listed per suspect in the table view. */
const CLASSES_SHOWN = 4;

/** `2%`, `0.02` → 0.02. */
function parseShare(given: unknown): number {
  const text = String(given);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1)) throw new UsageError(`--min-share: expected a share of the heap like 2% or 0.02, got "${safeText(text, 40)}"`);
  return value;
}

export async function runSuspects(args: SuspectsArgs): Promise<number> {
  const opts = suspectsOptions.read(args, [args.snapshot]);
  const minShare = parseShare(args.minShare ?? '2%');
  const { analysis, info } = await loadAnalysis(args.snapshot, opts.load);
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  // Filters need every suspect; otherwise only the first --limit are described.
  const filtering = opts.classes.active || opts.minSize > 0 || opts.sort !== 'retained';
  const found = findSuspects(analysis, { code, minShare, limit: filtering || opts.limit === 0 ? Number.MAX_SAFE_INTEGER : opts.limit });
  const className = (s: LeakSuspect): string => analysis.classes.names[analysis.classes.classOf[s.ordinal]!]!;
  const candidates = opts.classes.active ? found.filter((s) => keepHolder(opts.classes, className(s), s.classes)) : found;
  if (opts.classes.active) for (const text of opts.classes.unmatched(analysis.classes.names)) opts.note(text);
  const shown = opts.select(candidates, { size: (s) => s.retainedSize, sorters: { count: (a, b) => b.objectCount - a.objectCount } });
  const suspects = shown.rows;
  const output = suspectsJson(analysis, code, info, minShare, suspects);
  await opts.emit({
    json: () => output,
    csv: () => ({
      columns: [
        { key: 'holder', csv: (s: (typeof output.suspects)[number]) => s.holder.name },
        { key: 'where', csv: (s) => s.holder.where ?? '' },
        { key: 'className', csv: (s) => s.holder.className },
        { key: 'nodeId', csv: (s) => s.holder.nodeId },
        { key: 'retainedSize', csv: (s) => s.retainedSize },
        { key: 'share', csv: (s) => s.share },
        { key: 'objectCount', csv: (s) => s.objectCount },
      ],
      rows: output.suspects,
    }),
    text: () => {
      const pc = opts.colors;
      const out = opts.quiet ? [] : [describeSnapshot(args.snapshot, info), ''];
      if (suspects.length === 0) {
        out.push(found.length > 0
          ? 'No suspect matches the filters.'
          : `No leak suspect: nothing the program holds retains ${Math.round(minShare * 1000) / 10}% of the heap or more in one place.`);
        return out;
      }
      out.push(pc.bold(`${plural(shown.matched.length, 'leak suspect')}: where the heap accumulates (Eclipse MAT's "big drop"), largest share first`));
      suspects.forEach((s, i) => {
        const name = visible(holderName(analysis, code, s));
        const where = s.name ? pc.dim(`  (${safeText(describeWhere(s.name), 160)})`) : '';
        out.push('', `${pc.bold(`#${i + 1} ${name}`)}${where}  ${pc.red(`${(s.share * 100).toFixed(1)}% of the heap, ${formatSize(s.retainedSize)}`)}`);
        out.push(`   ${safeText(s.shape.kind, 60)} of ${formatCount(s.shape.entries)} ${s.shape.unit} @${analysis.graph.nodeId[s.ordinal]}`);
        const classes = s.classes.slice(0, CLASSES_SHOWN).map((c) => `${formatCount(c.count)} ${safeText(c.name, 100)} (${formatSize(c.retainedSize)})`);
        const more = s.classes.length - CLASSES_SHOWN + s.moreClasses;
        if (s.objectCount > 0) out.push(`   holds ${plural(s.objectCount, 'object')}: ${classes.join(', ')}${more > 0 ? `, ${plural(more, 'more class', 'more classes')}` : ''}`);
        out.push(...formatPath(programPathView(analysis, code, s.path, s.name), '   '));
      });
      out.push(...opts.more(shown, 'suspect').map((line) => pc.dim(line)));
      if (!opts.quiet) out.push('', pc.dim(`Next: heapdiff inspect ${safeText(args.snapshot, 200)} @${analysis.graph.nodeId[suspects[0]!.ordinal]}, or take two more snapshots and run heapdiff leaks to see what grows.`));
      return out;
    },
  });
  return 0;
}
