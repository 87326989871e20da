// Ids chosen to collide (issue 13.6). A snapshot's ids come from its file; under a fixed hash a
// file can pick ids that all land in one slot of the id index, and every insert and lookup then
// walks one cluster: quadratic. The index keeps its fixed hash only while no operation reads more
// than a few dozen slots, and then switches to tables drawn at random per thread, which no file
// can aim at. The first tests bound the probes per lookup for the sets that break a fixed
// multiplicative hash; the last runs diff, leaks, inspect and path on 2M such ids, where a
// quadratic index would take hours (the test's timeout catches it; nothing here is timed).
import { describe, expect, test } from 'vitest';
import {
  analyzeHeap, computeDiff, findLeaks, IdIndex, inspectNode, shortestRetainerPath, type HeapGraph,
} from '@heapdiff/core';
// White box: how many slots a lookup reads is not part of the public API.
import { probeCount, usesRandomTables } from '../packages/core/dist/graph/id-index.js';
import { graphFromColumns } from './helpers/graph-from-columns.js';
import { EDGE_TYPES, NODE_TYPES } from './helpers/tiny-snapshot.js';

/**
 * The fixed hash places an id by its low bits (id mod the table size). Id k of the attack is k
 * rotated left by `bits`: for k below 2^(32 - bits) ids differ only in their high bits and share
 * one home slot; above, k's high bits pick one of a few homes side by side. A table of 2^bits
 * slots then holds them in one cluster.
 */
const collidingId = (k: number, bits: number): number => ((k << bits) | (k >>> (32 - bits))) >>> 0;

test('the attack ids do collide under the fixed hash (the premise of the tests below)', () => {
  const mask = (1 << 18) - 1;
  for (const k of [1, 2, 3, 1000, 16_383]) expect(collidingId(k, 18) & mask).toBe(0);
  const homes = new Set(Array.from({ length: 1 << 17 }, (_, k) => collidingId(k, 18) & mask));
  expect(homes.size).toBe(8);
});

describe('probes per lookup stay small for ids chosen to collide', () => {
  const n = 1 << 17;
  /** The index's table for n ids has 2^18 slots: the fixed hash keeps the low 18 bits. */
  const BITS = 18;
  // [label, id k of the set, an absent id near it]
  const sets: [string, (k: number) => number, (k: number) => number][] = [
    ['ids that differ only in their high bits (eight home slots)', (k) => collidingId(k, BITS), (k) => (collidingId(k, BITS) | 8) >>> 0],
    // Every id alone in its home slot, the homes side by side: inserts are cheap, one cluster
    // holds them all, and a missing id whose home is in it walks to its end.
    ['consecutive home slots', (k) => k, (k) => (k + (1 << BITS)) >>> 0],
    ['ids that differ only in their 17 high bits', (k) => (k << 15) >>> 0, (k) => ((k << 15) | 1) >>> 0],
    ['ids that differ only in their 9 high and 8 low bits', (k) => (((k >>> 8) << 23) | (k & 0xff)) >>> 0, (k) => (((k >>> 8) << 23) | 0x100 | (k & 0xff)) >>> 0],
    ['consecutive odd ids, as V8 writes them', (k) => 2 * k + 1, (k) => 2 * k + 2],
    // A long-lived process: survivors in runs of 500, one run in six, their ids wrapping around
    // the table six times; the runs of one lap land on another's.
    ['runs of survivors whose ids wrap around the table', (k) => 2 * (Math.floor(k / 500) * 3000 + (k % 500)) + 1, (k) => 2 * (Math.floor(k / 500) * 3000 + (k % 500)) + 2],
  ];
  test.each(sets)('%s', (_label, idOf, absentOf) => {
    const ids = Uint32Array.from({ length: n }, (_, k) => idOf(k));
    const index = new IdIndex(ids);
    expect(index.size).toBe(n);
    // Each lookup first, then its cost as the index stands after it (a lookup may switch the hash).
    const cost = (id: number): number => {
      index.get(id);
      return probeCount(index, id);
    };
    let hits = 0;
    let misses = 0;
    let longest = 0;
    for (let k = 0; k < n; k++) {
      const hit = cost(ids[k]!);
      const miss = cost(absentOf(k));
      hits += hit;
      misses += miss;
      longest = Math.max(longest, hit, miss);
    }
    // Random placement at load factor 1/2 averages 1.5 probes for a hit and 2.5 for a miss, and
    // its longest cluster is logarithmic; a fixed hash under attack averages n / 2 = 65,536.
    expect(hits / n).toBeLessThan(3);
    expect(misses / n).toBeLessThan(6);
    expect(longest).toBeLessThan(200);
    for (let k = 0; k < n; k += 997) expect(index.get(ids[k]!)).toBe(k);
    for (let k = 0; k < n; k += 997) expect(index.has(absentOf(k))).toBe(false);
  });

  test("V8's ids keep the fixed hash; ids chosen against it switch the index to random tables", () => {
    const v8 = new IdIndex(Uint32Array.from({ length: n }, (_, k) => 2 * k + 1));
    for (let k = 0; k < 2 * n; k++) v8.get(k);
    expect(usesRandomTables(v8)).toBe(false);
    expect(usesRandomTables(new IdIndex(Uint32Array.from({ length: n }, (_, k) => collidingId(k, BITS))))).toBe(true);
    const consecutive = new IdIndex(Uint32Array.from({ length: n }, (_, k) => k));
    expect(usesRandomTables(consecutive)).toBe(false);
    consecutive.get(1 << BITS);
    expect(usesRandomTables(consecutive)).toBe(true);
  });

  test('an index keeps its hash when it moves to another thread (parts/fromParts)', () => {
    for (const ids of [Uint32Array.from({ length: 10_000 }, (_, k) => collidingId(k, 15)), Uint32Array.from({ length: 10_000 }, (_, k) => 2 * k + 1)]) {
      // What postMessage does to the parts: a structured clone.
      const moved = IdIndex.fromParts(structuredClone(new IdIndex(ids).parts()));
      for (let k = 0; k < ids.length; k++) expect(moved.get(ids[k]!)).toBe(k);
      expect(moved.has(collidingId(10_000, 15))).toBe(false);
    }
  });
});

/** The id index of a graph of 2M objects has 2^22 slots: these ids crowd a few thousand home slots. */
const STAR_BITS = 22;

/**
 * root --shortcut--> Holder --element i--> Item i, for items first…first + count - 1: the root
 * and the holder have attack ids 1 and 2, item i has attack id 3 + i.
 */
function starGraph(first: number, count: number): HeapGraph {
  const nodeCount = count + 2;
  const nodeType = new Uint8Array(nodeCount).fill(NODE_TYPES.indexOf('object'));
  nodeType[0] = NODE_TYPES.indexOf('synthetic');
  const nodeNameIndex = new Uint32Array(nodeCount).fill(3);
  nodeNameIndex[0] = 1;
  nodeNameIndex[1] = 2;
  const nodeId = new Uint32Array(nodeCount);
  nodeId[0] = collidingId(1, STAR_BITS);
  nodeId[1] = collidingId(2, STAR_BITS);
  for (let i = 0; i < count; i++) nodeId[2 + i] = collidingId(3 + first + i, STAR_BITS);
  const nodeSelfSize = new Uint32Array(nodeCount).fill(16);
  nodeSelfSize[0] = 0;
  const firstEdgeIndex = new Uint32Array(nodeCount + 1);
  firstEdgeIndex[1] = 1;
  for (let o = 2; o <= nodeCount; o++) firstEdgeIndex[o] = 1 + count;
  const edgeType = new Uint8Array(1 + count).fill(EDGE_TYPES.indexOf('element'));
  edgeType[0] = EDGE_TYPES.indexOf('shortcut');
  const edgeNameOrIndex = Uint32Array.from({ length: 1 + count }, (_, e) => (e === 0 ? 4 : e - 1));
  const edgeToOrdinal = Uint32Array.from({ length: 1 + count }, (_, e) => (e === 0 ? 1 : e + 1));
  return graphFromColumns({
    strings: ['<dummy>', '', 'Holder', 'Item', 'holder'],
    nodeType, nodeNameIndex, nodeId, nodeSelfSize, firstEdgeIndex, edgeType, edgeNameOrIndex, edgeToOrdinal,
  });
}

test('diff, leaks, inspect and path on 2M objects with colliding ids', () => {
  const count = 2_000_000;
  const half = count / 2;
  // The second snapshot lost the first half of the items and gained as many new ones.
  const before = starGraph(0, count);
  const after = starGraph(half, count);

  const diff = computeDiff(before, after);
  expect(diff.classes.map((c) => [c.name, c.addedCount, c.removedCount])).toEqual([['Item', half, half]]);

  const analysis = analyzeHeap(after);
  const leaks = findLeaks(analysis, { baseline: new IdIndex(before.nodeId) });
  expect(leaks.map((g) => [g.name, g.count])).toEqual([['Item', half]]);

  const last = collidingId(3 + half + count - 1, STAR_BITS);
  const inspection = inspectNode(analysis, last);
  expect([inspection.className, inspection.retainerCount]).toEqual(['Item', 1]);
  const path = shortestRetainerPath(analysis, after.ordinalOfId(last));
  expect(path.map((step) => after.nodeName(step.ordinal))).toEqual(['Holder', 'Item']);
  expect(after.ordinalOfId(collidingId(3, STAR_BITS))).toBe(-1);
}, 600_000);
