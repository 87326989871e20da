// computeSummary must reproduce Chrome DevTools' "Summary" view exactly: same
// class keys, names, counts, shallow sizes and retained sizes (DevTools' maxRet),
// on real snapshots from every supported Node major and from a leaking process.
import { describe, expect, test } from 'vitest';
import { computeSummary, loadSnapshot } from '@heapdiff/core';
import { WANTED_MAJORS, availableMajors, type NodeMajor } from './helpers/node-binaries.js';
import { devtoolsAggregatesOf, devtoolsLoad } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

const MAX_REPORTED = 20;

interface ClassRow { name: string; count: number; self: number; retained: number }

/** Only the fields that differ, without JSON quoting (vitest escapes quotes in its array diff). */
function describeDiff(ours: ClassRow | undefined, theirs: ClassRow | undefined): string {
  const show = (r: ClassRow): string => `name ${r.name}, count ${r.count}, self ${r.self}, retained ${r.retained}`;
  if (!ours) return `missing from ours (devtools: ${show(theirs!)})`;
  if (!theirs) return `not in devtools (ours: ${show(ours)})`;
  return (['name', 'count', 'self', 'retained'] as const).filter((f) => ours[f] !== theirs[f])
    .map((f) => `${f}: ours ${ours[f]}, devtools ${theirs[f]}`).join('; ');
}

async function compareWithDevtools(path: string): Promise<void> {
  const devtools = await devtoolsLoad(path);
  const theirs = new Map<string, ClassRow>(Object.entries(devtoolsAggregatesOf(devtools))
    .map(([key, a]) => [key, { name: a.name, count: a.count, self: a.self, retained: a.maxRet }]));
  const summary = computeSummary(await loadSnapshot(path));
  const ours = new Map<string, ClassRow>(summary.classes
    .map((c) => [c.key, { name: c.name, count: c.count, self: c.selfSize, retained: c.retainedSize }]));

  expect(ours.size, 'our summary lists a class key twice').toBe(summary.classes.length);
  expect({ nodeCount: summary.nodeCount, edgeCount: summary.edgeCount, totalSize: summary.totalSize })
    .toEqual({ nodeCount: devtools.nodeCount, edgeCount: devtools.containmentEdges.length / devtools.edgeFieldsCount,
      totalSize: devtools.totalSize });

  // One line per differing class, biggest retained size first, so the worst shows at the top.
  const diffs: [number, string][] = [];
  for (const key of new Set([...theirs.keys(), ...ours.keys()])) {
    const [a, b] = [ours.get(key), theirs.get(key)];
    if (a && b && a.name === b.name && a.count === b.count && a.self === b.self && a.retained === b.retained) continue;
    diffs.push([Math.max(a?.retained ?? 0, b?.retained ?? 0), `[${key}] ${describeDiff(a, b)}`]);
  }
  diffs.sort((x, y) => y[0] - x[0]);
  const report = diffs.slice(0, MAX_REPORTED).map(([, line]) => line);
  if (diffs.length > MAX_REPORTED) report.push(`... and ${diffs.length - MAX_REPORTED} more`);
  expect(report, `${diffs.length} of ${theirs.size} DevTools classes differ`).toEqual([]);
}

describe.each(WANTED_MAJORS)('basic scenario on Node %i', (major: NodeMajor) => {
  test.skipIf(!availableMajors.includes(major))('every class equals DevTools', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    await compareWithDevtools(path!);
  });
});

describe('leak-three scenario', () => {
  test.each(['baseline', 'target', 'final'].map((label, i) => [label, i] as const))(
    '%s snapshot: every class equals DevTools', async (_label, i) => {
      const paths = await makeSnapshot('leak-three');
      await compareWithDevtools(paths[i]!);
    });
});
