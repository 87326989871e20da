// Resource bounds: a linked list millions of objects long (a common leak shape) goes through every
// analysis without a stack overflow or a blow-up — graph algorithms are iterative and the leak
// report's path sampling has a step budget — and a header that announces more than its file can
// hold is refused before anything is allocated for it. The 1M chain runs with the normal suite
// (a recursive algorithm would need ~1M frames, far beyond Node's stack); `pnpm fuzz` adds 10M.
// No test here times anything (speed is `pnpm bench`'s): the inputs are sized so that a quadratic
// step would run for hours, which the tests' timeouts catch on however busy a machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import {
  analyzeHeap, computeDiff, extractSubgraph, findLeakHolders, findLeaks, findOrphans, findSuspects, HeapSnapshotError, IdIndex, inspectNode, loadSnapshot,
  loadSnapshotBytes, loadSnapshotIds, shortestRetainerPath, computeSummary,
} from '@heapdiff/core';
import { buildSnapshot } from './helpers/snapshot-builder.js';
import { linkedListGraph, orphanChainGraph } from './helpers/graph-from-columns.js';
import { writeStringsBomb } from './helpers/strings-bomb.js';
import { serialize, tinySnapshot } from './helpers/tiny-snapshot.js';

const BIG = process.env.HEAPDIFF_FUZZ_RUNS !== undefined || process.env.HEAPDIFF_BIG !== undefined;
const LENGTHS = BIG ? [1_000_000, 10_000_000] : [1_000_000];

describe.each(LENGTHS)('a linked list of %i objects', (length) => {
  test('goes through every analysis, iteratively', () => {
    const g = linkedListGraph(length);
    const tail = length; // ordinal of the last Item (the root is 0)
    const a = analyzeHeap(g);
    // Dominators: each Item is dominated by the one before it.
    expect([a.dominator[1], a.dominator[2], a.dominator[tail]]).toEqual([0, 1, tail - 1]);
    // Retained sizes: the head retains the whole list.
    expect(a.retainedSize[1]).toBe(32 * length);
    expect(a.retainedSize[tail]).toBe(32);
    // Distances: the head is a user root (distance 1), the tail `length` steps down.
    expect(a.distance[tail]).toBe(length);
    const summary = computeSummary(a);
    expect(summary.classes.find((c) => c.name === 'Item')).toMatchObject({ count: length, retainedSize: 32 * length });

    const path = shortestRetainerPath(a, tail);
    expect(path.length).toBe(length);
    expect(path[0]!.ordinal).toBe(1);

    const sub = extractSubgraph(a, [tail], { direction: 'retainers', maxDepth: 1_000_000 });
    expect(sub.nodeLimitReached).toBe(true);
    expect(sub.nodes.length).toBe(2000);
    expect(extractSubgraph(a, [1], { direction: 'references', maxDepth: 50 }).nodes.length).toBe(51);

    expect(inspectNode(a, g.nodeId[tail]!).retainerCount).toBe(1);
    expect(findOrphans(a)).toEqual([]);

    // Everything but the root is new: one group of `length` Items, its paths within the step budget.
    const leaks = findLeaks(a, { baseline: new IdIndex(new Uint32Array([g.nodeId[0]!])) });
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ name: 'Item', count: length, retainedSize: 32 * length });
    // Sampling stops once the retainer-path step budget (1M) is spent, well before 200 paths.
    expect(leaks[0]!.sampled).toBeGreaterThanOrEqual(1);
    expect(leaks[0]!.sampled).toBeLessThan(200);
    for (const cluster of leaks[0]!.clusters) expect(cluster.path.length).toBeLessThanOrEqual(1_000_000);

    // By holder: one entry for the whole chain, in passes down the dominator tree (no climb per object).
    const baseline = new IdIndex(new Uint32Array([g.nodeId[0]!]));
    const holders = findLeakHolders(a, { baseline, maxIds: [g.nodeId[0]!], limit: 3 });
    expect(holders.entries).toHaveLength(1);
    expect(holders.entries[0]!.members.count).toBe(length);
    expect(holders.more.entries).toBe(0);
    // Nothing leaked (everything is newer than the target): every object still finds its holder in one pass.
    expect(findLeakHolders(a, { baseline, target: baseline, maxIds: [1, 2], limit: 3 }).entries).toEqual([]);
    const suspects = findSuspects(a, { limit: 3 });
    expect(suspects).toHaveLength(1);
    expect(suspects[0]!.objectCount).toBeGreaterThan(length - 3);

    expect(computeDiff(g, g).classes).toEqual([]);
  }, 600_000);
});

describe.each(LENGTHS)('%i orphans hanging one by one off a chain of internal nodes', (length) => {
  test('are categorised (one retainer path each would be quadratic: hours)', () => {
    const a = analyzeHeap(orphanChainGraph(length));
    const groups = findOrphans(a);
    // Each held through the handle's unnamed slot: the category is the GC-root kind alone.
    expect(groups.map((g) => [g.name, g.count, g.categories])).toEqual([['Foo', length, [{ category: '(Global handles)', count: length }]]]);
  }, 600_000);
});

test('a megabyte-long edge name shaped like a WeakMap edge does not stall the analysis', () => {
  // A near miss of `1 / part of key (k @1) -> value (v @2) pair in WeakMap (table @3)`, 11 MB long:
  // a pattern whose matching is quadratic in the name would take hours on it.
  const name = `1 / part of key (${' @1) -> value ('.repeat(700_000)}x`;
  const snapshot = buildSnapshot([
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'g', 1]] },
    { type: 'object', name: 'Table', id: 3, size: 16, edges: [['internal', name, 2]] },
    { type: 'object', name: 'Value', id: 5, size: 16 },
  ]);
  const a = analyzeHeap(loadSnapshotBytes(Buffer.from(snapshot)).graph);
  expect(a.dominator[2]).toBe(1);
});

describe('headers that lie about their counts', () => {
  const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'bounds-'));
  const lying = (nodeCount: number): string => {
    const s = tinySnapshot();
    s.snapshot.node_count = nodeCount;
    return serialize(s);
  };

  test.each([
    ['a plain file', '.heapsnapshot', (text: string) => Buffer.from(text)],
    // A .gz can expand about 1032:1 at most; counts beyond even that are refused up front.
    ['a .gz file', '.heapsnapshot.gz', (text: string) => gzipSync(text)],
  ])('%s announcing 2^31 nodes is refused before allocation, by both readers', async (_label, ext, encode) => {
    const path = join(dir, `lying${ext}`);
    writeFileSync(path, encode(lying(2 ** 31)));
    const rss = process.memoryUsage().rss;
    for (const read of [loadSnapshot, loadSnapshotIds]) {
      const error: unknown = await read(path).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(HeapSnapshotError);
      expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_COUNTS_ABSURD');
    }
    // 2^31 nodes would take over 30 GB of columns.
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 << 20);
  });
});

describe('a strings array far larger than what its graph names (issue 13.7)', () => {
  const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'strings-'));
  const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;
  const PEAK_RSS = new URL('./helpers/peak-rss.cjs', import.meta.url).pathname;

  /** Runs the CLI in a child that reports its own peak RSS (kilobytes) as it exits. */
  function runMeasured(nodeOptions: string[], args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; peakKB: number }> {
    const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeOptions, '--require', PEAK_RSS, CLI, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, HEAPDIFF_TEST_PEAK_RSS: peakFile },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        let peakKB = Number.NaN;
        try { peakKB = Number(readFileSync(peakFile, 'utf8')); } catch { /* killed: no report */ }
        resolve({ code, signal, stderr, peakKB });
      });
    });
  }

  // 20M two-letter strings: 100 MB decompressed, under 200 KB on disk. Kept, they took about
  // 32 bytes each (640 MB; the 50M took 2.1 GB); a one-node graph names one string.
  test.each(['v8', 'strings-first'] as const)('20M tiny strings in a .gz (%s order): exit 2 with one line, memory bounded', async (order) => {
    const path = join(dir, `tiny-${order}.heapsnapshot.gz`);
    await writeStringsBomb(path, { count: 20_000_000, text: 'ab', order });
    const run = await runMeasured([], ['summary', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^heapdiff: ${path}: strings array holds more than 65538 strings, more than 1 nodes, 0 edges and 0 traced functions can name \\(at byte \\d+\\)\\n$`));
    expect(run.peakKB).toBeLessThan(250 * 1024);
  }, 300_000);

  // Few strings, each long: within the count, but together beyond a small heap. V8 aborted the
  // process (SIGABRT, exit 134) with a native stack.
  test('strings larger than the JavaScript heap may hold: exit 2 with one line, not a V8 abort', async () => {
    const path = join(dir, 'long.heapsnapshot.gz');
    await writeStringsBomb(path, { count: 20_000, text: 'x'.repeat(16_384) });
    const run = await runMeasured(['--max-old-space-size=64'], ['summary', path]);
    expect(run.signal).toBe(null);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^heapdiff: ${path}: strings need more than the \\d+ MB of JavaScript heap they may take \\(more with NODE_OPTIONS=--max-old-space-size=<MB>\\) \\(at byte \\d+\\)\\n$`));
    expect(run.peakKB).toBeLessThan(250 * 1024);
  }, 300_000);
});
