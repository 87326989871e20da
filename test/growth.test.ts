// `growth` over leak-three's three snapshots: per-class counts and sizes equal DevTools' (the
// earlier snapshots classed with the last one's interfaces, as in the Comparison view), the
// leaking classes rank among the steadiest growers, and the short-lived garbage is not listed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { computeGrowth, HeapdiffError, loadGrowth, type SnapshotClassCounts } from '@heapdiff/core';
import { GrowthOutputSchema } from '../packages/cli/src/commands/growth/schema.js';
import { devtoolsAggregatesOf, devtoolsLoad } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

describe('loadGrowth on leak-three', () => {
  test('counts and sizes per snapshot equal DevTools aggregates', async () => {
    const paths = await makeSnapshot('leak-three');
    const series = await loadGrowth(paths);
    const last = await devtoolsLoad(paths[2]!);
    const interfaces = last.interfaceDefinitions();
    for (let i = 0; i < paths.length; i++) {
      // The newest snapshot as the Summary view has it; the others as the Comparison view classes them.
      const theirs = new Map<string, { count: number; size: number }>();
      if (i === paths.length - 1) {
        for (const [key, a] of Object.entries(devtoolsAggregatesOf(last))) theirs.set(key, { count: a.count, size: a.self });
      } else {
        const aggregates = (await devtoolsLoad(paths[i]!)).aggregatesForDiff(interfaces);
        for (const [key, a] of Object.entries(aggregates)) theirs.set(key, { count: a.ids.length, size: a.selfSizes.reduce((s, x) => s + x, 0) });
      }
      const ours = new Map(series.classes.filter((c) => c.counts[i]! > 0).map((c) => [c.key, { count: c.counts[i]!, size: c.sizes[i]! }]));
      expect(Object.fromEntries(ours), `snapshot ${i + 1}`).toEqual(Object.fromEntries(theirs));
    }
    expect(series.snapshots.map((s) => s.path)).toEqual(paths);
    expect(series.snapshots[2]).toMatchObject({ nodeCount: last.nodeCount, totalSize: last.totalSize });
  });

  test('LeakyRequest grows at every step and ranks among the top growers; Ephemeral is not listed', async () => {
    const series = await loadGrowth(await makeSnapshot('leak-three'));
    const rank = series.classes.findIndex((c) => c.name === 'LeakyRequest');
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(5);
    expect(series.classes[rank]).toMatchObject({ counts: [0, 200, 500], delta: 300, monotonic: true });
    expect(series.classes.slice(0, rank).every((c) => c.monotonic && c.delta >= 300)).toBe(true);
    expect(series.classes.find((c) => c.name === 'ListenerState')).toMatchObject({ counts: [0, 20, 50], delta: 30, monotonic: true });
    expect(series.classes.some((c) => c.name === 'Ephemeral')).toBe(false);
  });
});

describe('computeGrowth', () => {
  const snapshot = (counts: Record<string, number>): SnapshotClassCounts => {
    const keys = Object.keys(counts);
    return {
      stats: { nodeCount: 0, edgeCount: 0, totalSize: 0 },
      keys: keys.map((k) => `,${k}`),
      names: keys,
      count: Float64Array.from(keys.map((k) => counts[k]!)),
      size: Float64Array.from(keys.map((k) => 8 * counts[k]!)),
      interfaces: [],
    };
  };

  test("delta is objgraph's: last count minus the earlier peak; monotonic means every step grew", () => {
    const rows = computeGrowth([
      snapshot({ Spiky: 50, Steady: 1, Flat: 3, Gone: 4 }),
      snapshot({ Spiky: 10, Steady: 2, Flat: 3, Late: 1 }),
      snapshot({ Spiky: 60, Steady: 3, Flat: 3, Late: 9 }),
    ]);
    expect(rows.map((r) => [r.name, r.counts, r.delta, r.monotonic])).toEqual([
      ['Late', [0, 1, 9], 8, true],
      ['Steady', [1, 2, 3], 1, true],
      ['Spiky', [50, 10, 60], 10, false],
      ['Flat', [3, 3, 3], 0, false],
      ['Gone', [4, 0, 0], -4, false],
    ]);
    expect(rows.find((r) => r.name === 'Late')!.sizes).toEqual([0, 8, 72]);
  });

  test('needs two snapshots', () => {
    expect(() => computeGrowth([snapshot({ A: 1 })])).toThrow(expect.objectContaining({ code: 'E_INVALID_OPTION' }));
    expect(() => computeGrowth([])).toThrow(HeapdiffError);
  });
});

describe('heapdiff growth CLI', () => {
  test('--json matches the schema and lists only classes that grew past their peak', async () => {
    const paths = await makeSnapshot('leak-three');
    const { stdout } = await run(process.execPath, [CLI, 'growth', ...paths, '--json', '--limit', '0']);
    const out = GrowthOutputSchema.parse(JSON.parse(stdout));
    expect(out.snapshots.map((s) => s.path)).toEqual(paths);
    expect(out.classes.length).toBeGreaterThan(0);
    expect(out.classes.every((c) => c.delta > 0 && c.counts.length === 3)).toBe(true);
    expect(out.classes.find((c) => c.name === 'LeakyRequest')).toMatchObject({ counts: [0, 200, 500], monotonic: true });
  });

  test('the table shows a trend per class; one snapshot is a usage error (exit 2)', async () => {
    const paths = await makeSnapshot('leak-three');
    const { stdout } = await run(process.execPath, [CLI, 'growth', ...paths, '--limit', '5']);
    expect(stdout).toMatch(/^LeakyRequest +▁▄█ +0 → 200 → 500 +\+300 /m);
    const failure = await run(process.execPath, [CLI, 'growth', paths[0]!]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/^heapdiff: .*two snapshots/) });
  });
});
