// computeDiff must reproduce Chrome DevTools' "Comparison" view: same class keys, names, added
// and removed counts and sizes, on consecutive and non-consecutive snapshots of one leaking
// process (ids are only comparable within a process), plus one hand-built pair for the rules.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeDiff, loadSnapshot, type ClassDiff, type SnapshotDiff } from '@heapdiff/core';
import { DiffOutputSchema } from '../packages/cli/src/commands/diff/schema.js';
import { WANTED_MAJORS, availableMajors, type NodeMajor } from './helpers/node-binaries.js';
import { devtoolsDiff, devtoolsLoad } from './helpers/oracles.js';
import { buildSnapshot, type NodeSpec } from './helpers/snapshot-builder.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

type Row = Pick<ClassDiff, 'name' | 'addedCount' | 'removedCount' | 'countDelta' | 'addedSize' | 'removedSize' | 'sizeDelta'>;
const FIELDS = ['name', 'addedCount', 'removedCount', 'countDelta', 'addedSize', 'removedSize', 'sizeDelta'] as const;

/** The class name a key stands for: `,Name` or `scriptId,line,column,Name`. */
function nameOfKey(key: string): string {
  return key.startsWith(',') ? key.slice(1) : key.split(',').slice(3).join(',');
}

async function diffFiles(before: string, after: string): Promise<SnapshotDiff> {
  return computeDiff((await loadSnapshot(before)).graph, (await loadSnapshot(after)).graph);
}

async function compareWithDevtools(before: string, after: string): Promise<void> {
  const theirs = new Map<string, Row>(Object.entries(await devtoolsDiff(before, after)).map(([key, d]) => [key, {
    name: d.name, addedCount: d.addedCount, removedCount: d.removedCount, countDelta: d.countDelta,
    addedSize: d.addedSize, removedSize: d.removedSize, sizeDelta: d.sizeDelta,
  }]));
  const diff = await diffFiles(before, after);
  const ours = new Map<string, Row>(diff.classes.map((c) => [c.key, c]));
  expect(ours.size, 'our diff lists a class key twice').toBe(diff.classes.length);

  const problems: string[] = [];
  for (const key of new Set([...theirs.keys(), ...ours.keys()])) {
    const [a, b] = [ours.get(key), theirs.get(key)];
    if (!a || !b) {
      problems.push(`[${key}] ${a ? 'not in devtools' : 'missing from ours'}`);
      continue;
    }
    // DevTools names a class only the older snapshot has after that snapshot's own interface
    // definitions, not the ones its key was made with; we keep name and key consistent.
    const nameOk = a.name === b.name || (b.addedCount === 0 && a.name === nameOfKey(key));
    const wrong = FIELDS.filter((f) => (f === 'name' ? !nameOk : a[f] !== b[f]));
    if (wrong.length) problems.push(`[${key}] ${wrong.map((f) => `${f}: ours ${a[f]}, devtools ${b[f]}`).join('; ')}`);
  }
  expect(problems, `${problems.length} of ${theirs.size} DevTools classes differ`).toEqual([]);

  // Largest growth first, and the header numbers DevTools shows for each snapshot.
  const deltas = diff.classes.map((c) => c.sizeDelta);
  expect(deltas).toEqual([...deltas].sort((x, y) => y - x));
  for (const [side, path] of [['before', before], ['after', after]] as const) {
    const d = await devtoolsLoad(path);
    expect(diff[side]).toEqual({ nodeCount: d.nodeCount, edgeCount: d.containmentEdges.length / d.edgeFieldsCount, totalSize: d.totalSize });
  }
}

describe.each(WANTED_MAJORS)('leak-three scenario on Node %i', (major: NodeMajor) => {
  test.skipIf(!availableMajors.includes(major)).each([['baseline', 'target', 0, 1], ['target', 'final', 1, 2], ['baseline', 'final', 0, 2]] as const)(
    '%s → %s: every class equals DevTools', async (_b, _a, i, j) => {
      const paths = await makeSnapshot('leak-three', { node: major });
      await compareWithDevtools(paths[i]!, paths[j]!);
    });
});

describe('leak-three scenario', () => {
  test('the leaking class grows by exactly what the scenario leaked', async () => {
    const [baseline, , final] = await makeSnapshot('leak-three');
    const diff = await diffFiles(baseline!, final!);
    const leaky = diff.classes.filter((c) => c.name === 'LeakyRequest');
    expect(leaky).toHaveLength(1);
    expect(leaky[0]).toMatchObject({ addedCount: 500, removedCount: 0, countDelta: 500 });
    expect(diff.classes.some((c) => c.name === 'Ephemeral')).toBe(false);
  });
});

describe('hand-built pair', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdiff-diff-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const root = (globalEdges: [string, string, number][]): NodeSpec[] => [
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['element', 1, 1], ['shortcut', 'global', 2]] },
    { type: 'synthetic', name: '(GC roots)', id: 3, size: 0 },
    { type: 'object', name: 'Window', id: 5, size: 40, edges: globalEdges },
  ];
  const plain = (id: number, a: string, b: string): NodeSpec =>
    ({ type: 'object', name: 'Object', id, size: 12, edges: [['property', a, 3], ['property', b, 3]] });
  const before: NodeSpec[] = [
    ...root([['property', 'a', 3], ['property', 'b', 4], ['property', 'c', 5], ['property', 'p1', 7], ['property', 'p2', 8], ['property', 'xy', 9]]),
    { type: 'object', name: 'Foo', id: 11, size: 10, edges: [['internal', 'elements', 6]] },
    { type: 'object', name: 'Foo', id: 13, size: 10 },
    { type: 'object', name: 'Gone', id: 15, size: 20 },
    { type: 'array', name: '', id: 17, size: 16 }, // owned by Foo @11 alone: its size moves there
    plain(21, 'p', 'q'),
    plain(23, 'p', 'q'),
    plain(25, 'x', 'y'), // `Object` by its own snapshot's interfaces, `{x, y}` by the newer one's
  ];
  const after: NodeSpec[] = [
    ...root([['property', 'a', 3], ['property', 'b', 4], ['property', 'n', 6], ['property', 'xy', 7], ['property', 'x1', 8], ['property', 'x2', 9]]),
    { type: 'object', name: 'Foo', id: 11, size: 10, edges: [['internal', 'elements', 5]] },
    { type: 'object', name: 'Bar', id: 13, size: 10 }, // same id, another class: removed and added
    { type: 'array', name: '', id: 17, size: 16 },
    { type: 'object', name: 'New', id: 41, size: 8 },
    plain(25, 'x', 'y'),
    plain(31, 'x', 'y'),
    plain(33, 'x', 'y'),
  ];

  test('matches by id within a class key, skips zero-size nodes, lines up interface names', async () => {
    const [b, a] = [join(dir, 'before.heapsnapshot'), join(dir, 'after.heapsnapshot')];
    await writeFile(b, buildSnapshot(before));
    await writeFile(a, buildSnapshot(after));
    const row = (name: string, added: [number, number], removed: [number, number]): ClassDiff => ({
      key: `,${name}`, name, addedCount: added[0], addedSize: added[1], removedCount: removed[0], removedSize: removed[1],
      countDelta: added[0] - removed[0], sizeDelta: added[1] - removed[1],
    });
    const diff = await diffFiles(b, a);
    expect(diff.classes).toEqual([
      row('{x, y}', [2, 24], [0, 0]),
      row('Bar', [1, 10], [0, 0]),
      row('New', [1, 8], [0, 0]),
      row('Foo', [0, 0], [1, 10]),
      row('Gone', [0, 0], [1, 20]),
      row('Object', [0, 0], [2, 24]), // DevTools names this row `{p, q}`
    ]);
    await compareWithDevtools(b, a);
  });
});

describe('heapdiff diff CLI', () => {
  test('--json matches the schema and the core result, --limit caps the rows', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const { stdout } = await run(process.execPath, [CLI, 'diff', baseline!, target!, '--json', '--limit', '5']);
    const out = DiffOutputSchema.parse(JSON.parse(stdout));
    const diff = await diffFiles(baseline!, target!);
    expect(out).toEqual({
      before: { path: baseline, ...diff.before },
      after: { path: target, ...diff.after },
      classes: diff.classes.slice(0, 5),
    });
  });

  test('the table is sorted by size delta with signed numbers', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const { stdout } = await run(process.execPath, [CLI, 'diff', baseline!, target!, '--limit', '0']);
    expect(stdout).toMatch(/^before .*: [\d,]+ objects, [\d,]+ references, .* total$/m);
    expect(stdout).toMatch(/^LeakyRequest +\+200 +0 +\+200 +\+[\d.]+ kB +0 B +\+[\d.]+ kB$/m);
  });
});
