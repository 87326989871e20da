// `leaks` on a process that leaks two ways beside short-lived garbage: the leaked classes rank
// at the top, their paths name the holder, the garbage is not reported, and --fail-on-leak
// gates CI through the exit code.
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { HeapSnapshotError, analyzeHeap, findLeaks, loadSnapshot, loadSnapshotIds, loadSnapshotIdsInBackground } from '@heapdiff/core';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

async function leakGroups() {
  const [baseline, target, final] = await makeSnapshot('leak-three');
  const analysis = analyzeHeap((await loadSnapshot(final!)).graph);
  const groups = findLeaks(analysis, { baseline: await loadSnapshotIds(baseline!), target: await loadSnapshotIds(target!), limit: 0 });
  return { analysis, groups };
}

describe('findLeaks on leak-three', () => {
  test('LeakyRequest is among the top three groups and its path names leakedRequests', async () => {
    const { analysis, groups } = await leakGroups();
    const top = groups.slice(0, 3).map((g) => g.name);
    expect(top).toContain('LeakyRequest');
    const group = groups.find((g) => g.name === 'LeakyRequest')!;
    const edgeNames = group.clusters[0]!.path.filter((s) => s.edge >= 0).map((s) => analysis.graph.edgeName(s.edge));
    expect(edgeNames).toContain('leakedRequests');
  });

  test('short-lived garbage (Ephemeral) is not reported', async () => {
    const { groups } = await leakGroups();
    expect(groups.map((g) => g.name)).not.toContain('Ephemeral');
  });
});

describe('heapdiff leaks CLI', () => {
  test('--json paths name the holding variable, root first, leaked object last', async () => {
    const [baseline, target, final] = await makeSnapshot('leak-three');
    const { stdout } = await run(process.execPath, [CLI, 'leaks', '--by', 'class', baseline!, target!, final!, '--json']);
    const out = JSON.parse(stdout);
    const group = out.groups.find((g: { name: string }) => g.name === 'LeakyRequest');
    expect(group.count).toBeGreaterThan(0);
    const path = group.paths[0];
    expect(path.at(-1).name).toBe('LeakyRequest');
    expect(path[0].edge).toBeNull();
    expect(path.map((s: { edge: string | null }) => s.edge)).toContain('leakedRequests');
    expect(group.pathCounts[0]).toBeGreaterThan(0);
  });

  test('--fail-on-leak exits 1 when a group reaches the count threshold, 0 when not', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const failing = await run(process.execPath, [CLI, 'leaks', '--by', 'class', baseline!, target!, '--fail-on-leak', '--threshold-count', '10'])
      .then(() => 0, (e: { code: number }) => e.code);
    expect(failing).toBe(1);
    const passing = await run(process.execPath, [CLI, 'leaks', '--by', 'class', baseline!, target!, '--fail-on-leak', '--threshold', '1GB', '--threshold-count', '1000000000']);
    expect(passing.stdout).toContain('No group reaches the leak thresholds');
  });

  test('a bad threshold is a usage error: exit 2, one line', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const err = await run(process.execPath, [CLI, 'leaks', '--by', 'class', baseline!, target!, '--threshold', 'lots']).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
    expect(err.stderr).toMatch(/^heapdiff: --threshold/);
  });

  test('the earlier snapshots are read on a worker: a damaged one is reported as on one thread (file, byte offset, exit 2)', async () => {
    const [baseline, target, final] = await makeSnapshot('leak-three');
    const bytes = await readFile(target!);
    const damaged = join(await mkdtemp(join(tmpdir(), 'heapdiff-leaks-')), 'damaged.heapsnapshot');
    const at = bytes.indexOf('"nodes":[') + 20;
    await writeFile(damaged, Buffer.concat([bytes.subarray(0, at), Buffer.from('x'), bytes.subarray(at + 1)]));
    const here = await loadSnapshotIds(damaged).catch((e: unknown) => e);
    const there = await loadSnapshotIdsInBackground(damaged).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(HeapSnapshotError);
    expect(there).toBeInstanceOf(HeapSnapshotError);
    expect([(there as HeapSnapshotError).code, (there as HeapSnapshotError).offset, (there as Error).message])
      .toEqual([(here as HeapSnapshotError).code, (here as HeapSnapshotError).offset, (here as Error).message]);
    const ids = await loadSnapshotIdsInBackground(baseline!);
    const reference = await loadSnapshotIds(baseline!);
    expect(ids.size).toBe(reference.size);
    const err = await run(process.execPath, [CLI, 'leaks', '--by', 'class', baseline!, damaged, final!]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
    expect(err.stderr).toContain('damaged.heapsnapshot');
    expect(err.stderr).toContain(String((here as HeapSnapshotError).offset));
    const missing = await run(process.execPath, [CLI, 'leaks', '--by', 'class', join(tmpdir(), 'no-such.heapsnapshot'), target!]).catch((e) => e);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such\.heapsnapshot: no such file/);
  });
});
