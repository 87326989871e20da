// `orphans`: objects no JavaScript object holds. A hand-made graph pins down each rule of the
// definition; a real scenario (test/scenarios/orphans.cjs) checks what V8 actually writes for an
// object kept alive by a native server handle and for a WeakRef target.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { analyzeHeap, findOrphans, loadSnapshot, loadSnapshotBytes, type HeapAnalysis, type OrphanGroup } from '@heapdiff/core';
import * as outputSchemas from '../packages/cli/dist/schemas.js';
import { WANTED_MAJORS, availableMajors } from './helpers/node-binaries.js';
import { buildSnapshot } from './helpers/snapshot-builder.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

/**
 * root ─shortcut─▶ global ─.kept─▶ Kept
 *                         └[[ref]]▶ WeakOnly ─.child─▶ Child        (weak edge only)
 * root ─▶ (GC roots) ─▶ (Global handles) ─▶ Held ⇄ HeldProto, Held ─.inner─▶ Inner
 *                                         ─▶ "a string"
 *                                         ─▶ system / Context ─->cb─▶ onEvent()
 */
function orphanGraph(): string {
  return buildSnapshot([
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['element', 1, 1], ['shortcut', 'global', 3]] },
    { type: 'synthetic', name: '(GC roots)', id: 3, size: 0, edges: [['element', 1, 2]] },
    { type: 'synthetic', name: '(Global handles)', id: 5, size: 0, edges: [['element', 1, 4], ['element', 2, 7], ['element', 3, 8]] },
    { type: 'object', name: 'global', id: 7, size: 40, edges: [['property', 'kept', 9], ['weak', 'ref', 10]] },
    { type: 'object', name: 'Held', id: 9, size: 32, edges: [['property', 'prototype', 5], ['property', 'inner', 6]] },
    { type: 'object', name: 'HeldProto', id: 11, size: 24, edges: [['property', 'constructor', 4]] },
    { type: 'object', name: 'Inner', id: 13, size: 100 },
    { type: 'string', name: 'a string', id: 15, size: 24 },
    { type: 'object', name: 'system / Context', id: 17, size: 16, edges: [['context', 'cb', 11]] },
    { type: 'object', name: 'Kept', id: 19, size: 16 },
    { type: 'object', name: 'WeakOnly', id: 21, size: 16, edges: [['property', 'child', 12]] },
    { type: 'closure', name: 'onEvent', id: 23, size: 32 },
    { type: 'object', name: 'Child', id: 25, size: 8 },
  ]);
}

const byName = (groups: OrphanGroup[]) => Object.fromEntries(groups.map((g) => [g.name, g]));

describe('findOrphans rules', () => {
  const analysis = analyzeHeap(loadSnapshotBytes(Buffer.from(orphanGraph())).graph);
  const groups = byName(findOrphans(analysis));

  test('reports only the tops of regions no JavaScript object holds', () => {
    expect(Object.keys(groups).sort()).toEqual(['Function', 'Held', 'WeakOnly']);
  });

  test('a handle-held object in a cycle with its prototype is the top; what it holds is in its retained size', () => {
    expect(groups.Held).toMatchObject({ count: 1, retainedSize: 32 + 24 + 100, categories: [{ category: '(Global handles)', count: 1 }] });
  });

  test('V8 internals are looked through: a closure in a handle-held context is reported', () => {
    expect(groups.Function).toMatchObject({ count: 1, categories: [{ category: '(Global handles)', count: 1 }] });
  });

  test('an object reached only over a weak edge is `weak only`', () => {
    expect(groups.WeakOnly).toMatchObject({ count: 1, retainedSize: 24, categories: [{ category: 'weak only', count: 1 }] });
    expect(analysis.graph.nodeId[groups.WeakOnly!.samples[0]!]).toBe(21);
  });

  test('the CLI explains a weak-only object has no path', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'heapdiff-orphans-')), 'weak.heapsnapshot');
    await writeFile(file, orphanGraph());
    const human = await run(process.execPath, [CLI, 'path', file, '--id', '@21']);
    expect(human.stdout.trim()).toBe('@21 has no retainer path from a GC root: only weak references reach it, so the next full GC may free it.');
    const json = outputSchemas.PathOutputSchema.parse(JSON.parse((await run(process.execPath, [CLI, 'path', file, '--id', '21', '--json'])).stdout));
    expect(json.path).toEqual([]);
    const orphans = outputSchemas.OrphansOutputSchema.parse(JSON.parse((await run(process.execPath, [CLI, 'orphans', file, '--json'])).stdout));
    expect(orphans.orphanCount).toBe(3);
    expect(orphans.groups.find((g) => g.name === 'WeakOnly')?.sampleIds).toEqual([21]);
  });
});

/** Ordinal of the one object with this constructor name. */
function objectNamed(analysis: HeapAnalysis, name: string): number {
  const g = analysis.graph;
  for (let o = 0; o < g.nodeCount; o++) if (g.nodeType[o] === g.nodeTypeId.object && g.nodeName(o) === name) return o;
  throw new Error(`no ${name} in the snapshot`);
}

describe.each(WANTED_MAJORS)('orphans scenario on Node %i', (major) => {
  test.skipIf(!availableMajors.includes(major))('native-held server and WeakRef target are reported, by who holds them', async () => {
    const [path] = await makeSnapshot('orphans', { node: major });
    const analysis = analyzeHeap((await loadSnapshot(path!)).graph);
    const groups = findOrphans(analysis, { samples: 100 });
    const names = groups.map((g) => g.name);
    expect(names).not.toContain('Reachable');

    // The WeakRef target: V8 keeps it until the end of the job that made the WeakRef.
    const weak = groups.find((g) => g.name === 'WeakTarget');
    expect(weak).toMatchObject({ count: 1 });
    expect(weak!.categories).toEqual([{ category: expect.stringMatching(/^\(Strong root(s| list)\) › weak_refs_keep_during_job$/), count: 1 }]);

    // The listener's state is not an orphan itself: the native TCP handle above it is, and owns it.
    expect(names).not.toContain('NativeHeld');
    const tcp = groups.find((g) => g.name === 'TCP');
    expect(tcp?.categories.map((c) => c.category)).toEqual([expect.stringMatching(/TCPServerWrap|\(Global handles\)/)]);
    let owner = objectNamed(analysis, 'NativeHeld');
    while (owner !== analysis.graph.rootOrdinal && !tcp!.samples.includes(owner)) owner = analysis.dominator[owner]!;
    expect(tcp!.samples).toContain(owner);
    expect(tcp!.retainedSize).toBeGreaterThan(analysis.retainedSize[objectNamed(analysis, 'NativeHeld')]!);
  });
});

describe('heapdiff orphans', () => {
  test('lists the native-held TCP handle and the WeakRef target, with who holds them', async () => {
    const [path] = await makeSnapshot('orphans');
    const { stdout } = await run(process.execPath, [CLI, 'orphans', path!]);
    expect(stdout).toMatch(/objects that no JavaScript object holds/);
    expect(stdout).toMatch(/^TCP +1 +\S+ \S+ +(Node \/ TCPServerWrap|\(Global handles\))/m);
    expect(stdout).toMatch(/^WeakTarget +1 +\S+ \S+ +\(Strong root(s| list)\) › weak_refs_keep_during_job +@\d+$/m);
    expect(stdout).not.toMatch(/^(NativeHeld|Reachable) /m);
  });

  test('--json matches its schema; --limit cuts groups, not the total', async () => {
    const [path] = await makeSnapshot('orphans');
    const all = outputSchemas.OrphansOutputSchema.parse(JSON.parse((await run(process.execPath, [CLI, 'orphans', path!, '--json', '--limit', '0'])).stdout));
    const two = outputSchemas.OrphansOutputSchema.parse(JSON.parse((await run(process.execPath, [CLI, 'orphans', path!, '--json', '--limit', '2'])).stdout));
    expect(two.groups).toEqual(all.groups.slice(0, 2));
    expect(two.orphanCount).toBe(all.orphanCount);
    expect(all.orphanCount).toBe(all.groups.reduce((n, g) => n + g.count, 0));
    const sizes = all.groups.map((g) => g.retainedSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
