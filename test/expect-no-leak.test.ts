// expectNoLeak inside a vitest worker (forks pool): clean scenarios pass, scenarios that leak in
// the three common ways fail with the class and the path that holds it, and the snapshots it
// takes in os.tmpdir() are gone afterwards.
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { InvalidOptionError, analyzeHeap, findLeaks, formatEdgeLabel, loadSnapshot, loadSnapshotIds } from '@heapdiff/core';
import { LeakAssertionError, checkForLeaks, expectNoLeak, takeHeapSnapshot } from '@heapdiff/core/leak-test';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

// A temporary directory of this file's own: other test files and runs make heapdiff-leak- directories too.
const ownTmp = mkdtempSync(join(tmpdir(), 'heapdiff-test-tmp-'));
process.env.TMPDIR = ownTmp;
afterAll(() => rm(ownTmp, { recursive: true, force: true }));
const leakDirs = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('heapdiff-leak-'));

async function leakError(promise: Promise<unknown>): Promise<LeakAssertionError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(LeakAssertionError);
  return error as LeakAssertionError;
}

/** A group's first retainer path on one line, edges as the message writes them: `… .orders→Array [3]→Order`. */
function pathOf(error: LeakAssertionError, className: string): string {
  const group = error.groups.find((g) => g.name === className);
  expect(group, `no group ${className} in: ${error.groups.map((g) => g.name).join(', ')}`).toBeDefined();
  return group!.paths[0]!.steps.map((s) => `${s.edge === null ? '' : formatEdgeLabel(s.edge, s.edgeType!)}→${s.label}`).join(' ');
}

// Long-lived state of the "application" the scenarios exercise.
class Order {
  constructor(readonly id: number, readonly lines = [{ sku: 'a', qty: 1 }]) {}
}
class Listener {
  constructor(readonly owner: string) {}
}
const registry = { orders: [] as Order[] };
const events = new EventEmitter();
events.setMaxListeners(0);
const priceCache = new Map<string, { price: number; at: number }>();
const lru = new Map<number, Order>();

describe('clean scenarios pass', () => {
  test('garbage, timers, a listener added and removed, a Map filled and emptied, vitest expect()', async () => {
    const before = leakDirs();
    const result = await expectNoLeak(async (i) => {
      const orders = Array.from({ length: 50 }, (_, n) => new Order(n));
      await new Promise((resolve) => setTimeout(resolve, 1));
      const listener = new Listener(`run ${i}`);
      const onOrder = (): string => listener.owner;
      events.on('order', onOrder);
      events.emit('order');
      events.off('order', onOrder);
      for (const o of orders) priceCache.set(`sku-${o.id}`, { price: o.id, at: Date.now() });
      priceCache.clear();
      expect(orders).toHaveLength(50);
    });
    expect(result.leaking).toBe(false);
    expect(result.message).toMatch(/^No class of objects accumulates over 10 runs/);
    expect(leakDirs()).toEqual(before);
  });

  test('a bounded cache smaller than the runs between snapshots is not a leak', async () => {
    const CAPACITY = 4; // below `iterations`: what the first runs cached is evicted by the end
    const result = await checkForLeaks((i) => {
      lru.set(i, new Order(i));
      if (lru.size > CAPACITY) lru.delete(lru.keys().next().value!);
    }, { iterations: 5 });
    expect(result.leaking, result.message).toBe(false);
  });
});

describe('leaking scenarios fail with the class and its holder', () => {
  test('pushing to a long-lived array', async () => {
    const error = await leakError(expectNoLeak(() => {
      registry.orders.push(new Order(registry.orders.length));
    }));
    expect(error.code).toBe('E_LEAK_FOUND');
    // Where they gather comes first, named as the test file names it (vitest compiles it in a wrapper whose slots V8 leaves unnamed).
    expect(error.holders[0]).toMatchObject({ name: 'registry.orders', where: 'a variable of module test/expect-no-leak.test.ts', growing: true });
    expect(error.message).toMatch(/Held by \(growing with every 5 runs\):\n {2}registry\.orders {2}\(a variable of module test\/expect-no-leak\.test\.ts\)\n {5}Array of \d+ elements/);
    expect(error.message).toMatch(/^Memory leak: objects of \d+ class/);
    expect(error.message).toContain('#1 Order  5 objects from the first 5 runs still alive (+5 from the next 5)');
    expect(pathOf(error, 'Order')).toMatch(/→Object \.orders→Array \[\d+\]→Order$/);
  });

  test('adding listeners to a long-lived EventEmitter', async () => {
    const error = await leakError(expectNoLeak(() => {
      const listener = new Listener('widget');
      events.on('refresh', () => listener.owner);
    }, { iterations: 4 }));
    const group = error.groups.find((g) => g.name === 'Listener')!;
    expect(error.holders[0]).toMatchObject({ name: 'events._events.refresh', growing: true });
    expect(error.message).toMatch(/holds 8 objects from the first runs: 4 \(anonymous\)\(\) test\/expect-no-leak\.test\.ts:\d+:\d+, 4 Listener/);
    expect(group.count).toBe(4);
    expect(group.laterCount).toBe(4);
    // The listener is named by its file and line, and so is the scope it closes over.
    expect(pathOf(error, 'Listener')).toMatch(
      /→EventEmitter \._events→Object \.refresh→Array \[\d+\]→\(anonymous\)\(\) test\/expect-no-leak\.test\.ts:\d+:\d+ \{context\}→\{closure scope of \(anonymous\)\(\) test\/expect-no-leak\.test\.ts:\d+:\d+\} ->listener→Listener$/,
    );
    expect(error.message).toContain('._events → Object');
  });

  test('a Map cache that only grows; snapshotDir keeps the snapshots for heapdiff leaks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heapdiff-kept-'));
    try {
      let n = 0;
      const error = await leakError(expectNoLeak(() => {
        n++;
        priceCache.set(`sku-${n}`, { price: n, at: Date.now() });
      }, { snapshotDir: dir, threshold: '10MB' }));
      expect(pathOf(error, 'Object')).toMatch(/→Map \{table\}→\(array\) \{\d+\}→Object$/);
      const files = ['1-baseline', '2-target', '3-final'].map((f) => join(dir, `${f}.heapsnapshot`));
      expect(error.message).toContain(`Snapshots: heapdiff leaks ${files.join(' ')}`);
      const { stdout } = await run(process.execPath, [CLI, 'leaks', '--by', 'class', ...files, '--json', '--limit', '0']);
      const cli = JSON.parse(stdout) as { groups: Array<{ name: string; count: number }> };
      const objects = error.groups.find((g) => g.name === 'Object')!;
      expect(cli.groups.find((g) => g.name === 'Object')?.count).toBe(objects.count);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('ignore silences a class the harness is known to keep', async () => {
    const kept: Order[] = [];
    const result = await checkForLeaks(() => { kept.push(new Order(kept.length)); }, { ignore: ['Order', /^\(/], iterations: 3 });
    expect(result.leaks.map((g) => g.name)).not.toContain('Order');
    expect(result.groups.find((g) => g.name === 'Order')?.count).toBe(3);
  });
});

describe('options and the snapshot helper', () => {
  test('bad options are InvalidOptionError before anything runs', async () => {
    let runs = 0;
    const scenario = (): void => { runs++; };
    await expect(expectNoLeak(scenario, { threshold: 'lots' })).rejects.toThrow(InvalidOptionError);
    await expect(expectNoLeak(scenario, { iterations: 0 })).rejects.toThrow(/iterations: expected an integer ≥ 1/);
    expect(runs).toBe(0);
  });

  test('an error thrown by the scenario rejects the check and leaves no files', async () => {
    const before = leakDirs();
    await expect(expectNoLeak(() => { throw new Error('scenario broke'); })).rejects.toThrow('scenario broke');
    expect(leakDirs()).toEqual(before);
  });

  test('takeHeapSnapshot writes snapshots whose ids are stable across calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heapdiff-snap-'));
    let after: string | undefined;
    try {
      const before = await takeHeapSnapshot(join(dir, 'before.heapsnapshot'));
      const held = Array.from({ length: 30 }, (_, i) => new Listener(`held ${i}`));
      after = await takeHeapSnapshot(); // no path: a new file in os.tmpdir(), the caller's to delete
      expect(after.startsWith(tmpdir())).toBe(true);
      const analysis = analyzeHeap((await loadSnapshot(after)).graph);
      const groups = findLeaks(analysis, { baseline: await loadSnapshotIds(before), limit: 0 });
      expect(groups.find((g) => g.name === 'Listener')?.count).toBe(held.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
      if (after) await rm(after, { force: true });
    }
  });
});
