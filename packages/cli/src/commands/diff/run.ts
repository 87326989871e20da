import { computeDiff, formatSignedCount, formatSignedSize, plural, safeText, snapshotPairWarning, type ClassDiff } from '@heapdiff/core';
import { loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { printPairWarning } from '../../load/warnings.js';
import { createProgress } from '../../output/progress.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { renderTable } from '../../output/table.js';
import { diffJson, diffSorters } from './json.js';
import { diffOptions } from './options.js';

export interface DiffArgs extends LoadArgs {
  before: string;
  after: string;
  [option: string]: unknown;
}

/** `+12` for added objects, `-3` for removed ones, `0` for none. */
const signed = (n: number, sign: 1 | -1): string => formatSignedCount(sign * n);
const signedSize = (n: number, sign: 1 | -1): string => formatSignedSize(sign * n);

export async function runDiff(args: DiffArgs): Promise<number> {
  const opts = diffOptions.read(args, [args.before, args.after]);
  const progress = createProgress(opts.progress);
  const before = await loadWithProgress(args.before, progress, opts.load);
  const after = await loadWithProgress(args.after, progress, opts.load);
  progress.phase('comparing', 1);
  const diff = computeDiff(before.graph, after.graph);
  progress.stop();
  const mismatch = await snapshotPairWarning({ path: args.before, snapshot: before.graph }, { path: args.after, snapshot: after.graph });
  if (mismatch) printPairWarning(mismatch);
  const shown = opts.select(diff.classes, { name: (c) => c.name, size: (c) => Math.abs(c.sizeDelta), sorters: diffSorters });
  await opts.emit({
    json: () => diffJson(args.before, args.after, diff, shown.rows),
    csv: () => ({
      columns: [
        { key: 'name', csv: (c: ClassDiff) => c.name },
        { key: 'key', csv: (c) => c.key },
        { key: 'addedCount', csv: (c) => c.addedCount },
        { key: 'removedCount', csv: (c) => c.removedCount },
        { key: 'countDelta', csv: (c) => c.countDelta },
        { key: 'addedSize', csv: (c) => c.addedSize },
        { key: 'removedSize', csv: (c) => c.removedSize },
        { key: 'sizeDelta', csv: (c) => c.sizeDelta },
      ],
      rows: shown.rows,
    }),
    text: () => {
      const table = renderTable(
        [
          { header: 'Class', value: (c: ClassDiff) => safeText(c.name, 60) },
          { header: 'New', align: 'right', value: (c) => signed(c.addedCount, 1) },
          { header: 'Deleted', align: 'right', value: (c) => signed(c.removedCount, -1) },
          { header: 'Count delta', align: 'right', value: (c) => formatSignedCount(c.countDelta) },
          { header: 'Alloc. size', align: 'right', value: (c) => signedSize(c.addedSize, 1) },
          { header: 'Freed size', align: 'right', value: (c) => signedSize(c.removedSize, -1) },
          { header: 'Size delta', align: 'right', value: (c) => formatSignedSize(c.sizeDelta) },
        ],
        shown.rows,
        opts.colors,
      );
      if (opts.quiet) return shown.rows.length > 0 ? [table] : [];
      const out = [`before ${describeSnapshot(args.before, diff.before)}`, `after  ${describeSnapshot(args.after, diff.after)}`, ''];
      if (diff.classes.length === 0) return [...out, 'No objects were added or removed between the snapshots.'];
      if (shown.rows.length === 0) return [...out, 'No changed class matches the filters.'];
      out.push(table, ...opts.more(shown, 'class', 'classes').map((line) => opts.colors.dim(line)));
      let countDelta = 0;
      let sizeDelta = 0;
      for (const c of shown.matched) {
        countDelta += c.countDelta;
        sizeDelta += c.sizeDelta;
      }
      const classes = plural(shown.matched.length, 'changed class', 'changed classes');
      const filtered = shown.matched.length < diff.classes.length ? ' that match the filters' : '';
      out.push('', `In all: ${formatSignedCount(countDelta)} ${Math.abs(countDelta) === 1 ? 'object' : 'objects'}, ${formatSignedSize(sizeDelta)} in ${classes}${filtered}`);
      return out;
    },
  });
  return 0;
}
