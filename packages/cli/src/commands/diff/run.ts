import { computeDiff, snapshotPairWarning, formatCount, formatSignedCount, formatSignedSize, safeText, type ClassDiff } from '@heapdiff/core';
import { applyLimit } from '../../args/options.js';
import { loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { printPairWarning } from '../../load/warnings.js';
import { createProgress } from '../../output/progress.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { renderTable } from '../../output/table.js';
import { diffJson } from './json.js';

export interface DiffArgs extends LoadArgs {
  before: string;
  after: string;
  limit: number;
  json: boolean;
}

/** `+12` for added objects, `-3` for removed ones, `0` for none. */
const signed = (n: number, sign: 1 | -1): string => formatSignedCount(sign * n);
const signedSize = (n: number, sign: 1 | -1): string => formatSignedSize(sign * n);

export async function runDiff(args: DiffArgs): Promise<number> {
  const progress = createProgress(!args.json);
  const before = await loadWithProgress(args.before, progress, args);
  const after = await loadWithProgress(args.after, progress, args);
  progress.phase('comparing', 1);
  const diff = computeDiff(before.graph, after.graph);
  progress.stop();
  const mismatch = await snapshotPairWarning({ path: args.before, snapshot: before.graph }, { path: args.after, snapshot: after.graph });
  if (mismatch) printPairWarning(mismatch);
  const rows = applyLimit(diff.classes, args.limit);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(diffJson(args.before, args.after, diff, rows), null, 2)}\n`);
    return 0;
  }
  const out = [`before ${describeSnapshot(args.before, diff.before)}`, `after  ${describeSnapshot(args.after, diff.after)}`, ''];
  if (diff.classes.length === 0) {
    out.push('No objects were added or removed between the snapshots.');
  } else {
    out.push(
      renderTable(
        [
          { header: 'Class', value: (c: ClassDiff) => safeText(c.name, 60) },
          { header: 'New', align: 'right', value: (c) => signed(c.addedCount, 1) },
          { header: 'Deleted', align: 'right', value: (c) => signed(c.removedCount, -1) },
          { header: 'Count delta', align: 'right', value: (c) => formatSignedCount(c.countDelta) },
          { header: 'Alloc. size', align: 'right', value: (c) => signedSize(c.addedSize, 1) },
          { header: 'Freed size', align: 'right', value: (c) => signedSize(c.removedSize, -1) },
          { header: 'Size delta', align: 'right', value: (c) => formatSignedSize(c.sizeDelta) },
        ],
        rows,
      ),
    );
    if (rows.length < diff.classes.length) out.push(`… ${formatCount(diff.classes.length - rows.length)} more classes (--limit 0 shows all)`);
    let countDelta = 0;
    let sizeDelta = 0;
    for (const c of diff.classes) {
      countDelta += c.countDelta;
      sizeDelta += c.sizeDelta;
    }
    out.push('', `In all: ${formatSignedCount(countDelta)} objects, ${formatSignedSize(sizeDelta)} in ${formatCount(diff.classes.length)} changed classes`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
