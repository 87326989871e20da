// Part of the analysis runs on a second thread (the parse's idle edge worker, or a worker of its
// own): page objects and essential edges (in blocks both threads take), their retainer-slot bits,
// then distances. Whichever thread runs them, the results must equal the one-thread analysis, and
// the distances DevTools' own, including its special cases: descriptor arrays (numeric edge
// names), WeakMap ephemeron edges, sloppy_function_map.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHeap, loadSnapshot, type HeapAnalysis, type HeapGraph } from '@heapdiff/core';
// White box: the analysis races the worker (and takes the work back on small graphs); here the
// worker is given time to start, and asked which thread did the work.
import { AnalysisHelper } from '../packages/core/dist/analysis/analysis-helper.js';
import { computeEssentialEdges } from '../packages/core/dist/analysis/essential-edges.js';
import { stringFacts } from '../packages/core/dist/analysis/graph-columns.js';
import { ScratchPool } from '../packages/core/dist/analysis/scratch-pool.js';
import { essentialSlotBits } from '../packages/core/dist/analysis/slot-bits.js';
import { EphemeronNames } from '../packages/core/dist/analysis/weakmap-edges.js';
import { devtoolsLoad } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/chrome/', import.meta.url));

type HelperResults = { pageObject: number[]; essential: number[]; slots: number[]; distances: number[] };

/** Everything on the worker (the main thread waits for it to start each part). */
function onWorker(g: HeapGraph): HelperResults {
  const helper = AnalysisHelper.start(g, stringFacts(g, new EphemeronNames(g.strings)), new ScratchPool(g.nodeCount), 0)!;
  const results = collect(helper, 30_000);
  expect(helper.computedBy).toEqual(['worker', 'worker', 'worker']);
  expect(helper.blocksBy.main).toBe(0);
  return results;
}

/** Page objects on the worker, then both threads on small essential-edge blocks as they come. */
function shared(g: HeapGraph): HelperResults {
  const helper = AnalysisHelper.start(g, stringFacts(g, new EphemeronNames(g.strings)), new ScratchPool(g.nodeCount), 0, 64)!;
  const results = collect(helper, 30_000, 0);
  expect(helper.blocksBy.main + helper.blocksBy.worker).toBe(Math.ceil(g.edgeCount / 64));
  return results;
}

function collect(helper: AnalysisHelper, startTimeoutMs: number, blockTimeoutMs = startTimeoutMs): HelperResults {
  const { pageObject, essential } = helper.prep(startTimeoutMs, blockTimeoutMs);
  const slots = helper.slots(startTimeoutMs);
  const distances = helper.distances(startTimeoutMs);
  return { pageObject: Array.from(pageObject), essential: Array.from(essential), slots: Array.from(slots), distances: Array.from(distances) };
}

/** What the helper computes that a one-thread analysis keeps (essential edges are checked separately). */
function alone(a: HeapAnalysis): { pageObject: number[]; distances: number[] } {
  return { pageObject: Array.from(a.pageObject), distances: Array.from(a.distance) };
}

async function expectSameResults(path: string): Promise<void> {
  const oneThread = analyzeHeap((await loadSnapshot(path, { split: false })).graph, { helperThread: false });
  const reference = alone(oneThread);
  const g = (await loadSnapshot(path, { split: false })).graph;
  const ownWorker = onWorker(g);
  expect({ pageObject: ownWorker.pageObject, distances: ownWorker.distances }).toEqual(reference);
  const essential = new Uint32Array(Math.ceil(g.edgeCount / 32));
  computeEssentialEdges(g, stringFacts(g, new EphemeronNames(g.strings)), oneThread.pageObject, essential);
  expect(ownWorker.essential).toEqual(Array.from(essential));
  const slots = new Uint32Array(essential.length);
  essentialSlotBits(g, g.getRetainers().firstRetainerIndex, essential, new Uint32Array(g.nodeCount), slots);
  expect(ownWorker.slots).toEqual(Array.from(slots));
  expect(shared((await loadSnapshot(path, { split: false })).graph)).toEqual(ownWorker);
  // Gzipped files are never split, so they have no edge worker to hand the job to.
  if (!path.endsWith('.gz')) {
    const edgeWorker = onWorker((await loadSnapshot(path, { split: { minBytes: 0, blockBytes: 4096 } })).graph);
    expect(edgeWorker).toEqual(ownWorker);
  }
  // What analyzeHeap does by default on a small graph (it races the worker): the same analysis.
  const raced = analyzeHeap((await loadSnapshot(path)).graph, { helperThread: { minNodes: 0 } });
  expect(alone(raced)).toEqual(reference);
  expect(Array.from(raced.dominator)).toEqual(Array.from(oneThread.dominator));
  expect(Array.from(raced.retainedSize)).toEqual(Array.from(oneThread.retainedSize));
  const devtools = await devtoolsLoad(path);
  expect(reference.distances).toEqual(Array.from((devtools as unknown as { nodeDistances: Int32Array }).nodeDistances));
}

describe('analysis on a second thread equals the one-thread analysis and DevTools', () => {
  test('Node snapshot with a leak', async () => {
    const [, target] = await makeSnapshot('leak-three');
    await expectSameResults(target!);
  });

  test.each(['detached-dom', 'listener-leak'])('Chromium snapshot (%s)', async (page) => {
    await expectSameResults(join(FIXTURES, page, '2-target.heapsnapshot.gz'));
  });
});
