// Part of the analysis runs on a second thread (the parse's spare edge worker, or a worker of its
// own): page objects and essential edges (in blocks both threads take), their retainer-slot bits,
// then distances. Whichever thread runs them, the results must equal the one-thread analysis, and
// the distances DevTools' own, including its special cases: descriptor arrays (numeric edge
// names), WeakMap ephemeron edges, sloppy_function_map.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHeap, loadSnapshot, type HeapAnalysis, type HeapGraph, type LoadedSnapshot } from '@heapdiff/core';
// White box: the analysis races the worker (and takes the work back on small graphs); here the
// worker is given time to start, and asked which thread did the work.
import { computeEssentialEdges } from '../packages/core/dist/algorithms/essential-edges.js';
import { ScratchPool } from '../packages/core/dist/algorithms/scratch-pool.js';
import { essentialSlotBits } from '../packages/core/dist/algorithms/slot-bits.js';
import { stringFacts } from '../packages/core/dist/algorithms/string-facts.js';
import { EphemeronNames } from '../packages/core/dist/algorithms/weakmap-edges.js';
import { ThreadedStages, type TaskRunner, type ThreadedStagesOptions } from '../packages/core/dist/threads/threaded-stages.js';
import { devtoolsLoad } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/chrome/', import.meta.url));

type HelperResults = { pageObject: number[]; essential: number[]; slots: number[]; distances: number[] };

type Runs = { stages: Record<string, TaskRunner>; blocks: Record<TaskRunner, number> };

function start(source: LoadedSnapshot, options: ThreadedStagesOptions): { stages: ThreadedStages; runs: Runs } {
  const g = source.graph;
  const runs: Runs = { stages: {}, blocks: { worker: 0, main: 0 } };
  const observe = (task: string, by: TaskRunner): void => {
    if (task === 'block') runs.blocks[by]++;
    else runs.stages[task] = by;
  };
  const context = { graph: g, facts: stringFacts(g, new EphemeronNames(g.strings)), pool: new ScratchPool(g.nodeCount) };
  const stages = ThreadedStages.start(context, source.spare, { minNodes: 0, ...options, observe })!;
  return { stages, runs };
}

/** Everything on the worker (the main thread waits for it to start each part). */
function onWorker(source: LoadedSnapshot): HelperResults {
  const { stages, runs } = start(source, { startTimeoutMs: 30_000 });
  const results = collect(stages);
  expect(runs.stages).toEqual({ page: 'worker', slots: 'worker', distances: 'worker' });
  expect(runs.blocks.main).toBe(0);
  return results;
}

/** Page objects on the worker, then both threads on small essential-edge blocks as they come. */
function shared(source: LoadedSnapshot): HelperResults {
  const { stages, runs } = start(source, { blockEdges: 64, startTimeoutMs: 30_000, blockTimeoutMs: 0 });
  const results = collect(stages);
  expect(runs.blocks.main + runs.blocks.worker).toBe(Math.ceil(source.graph.edgeCount / 64));
  return results;
}

function collect(stages: ThreadedStages): HelperResults {
  const { pageObject, essential } = stages.pageObjectsAndEssentialEdges();
  const slots = stages.slotBits();
  const distances = stages.distances();
  return { pageObject: Array.from(pageObject), essential: Array.from(essential), slots: Array.from(slots), distances: Array.from(distances) };
}

/** What the helper computes that a one-thread analysis keeps (essential edges are checked separately). */
function alone(a: HeapAnalysis): { pageObject: number[]; distances: number[] } {
  return { pageObject: Array.from(a.pageObject), distances: Array.from(a.distance) };
}

async function expectSameResults(path: string): Promise<void> {
  const oneThread = analyzeHeap((await loadSnapshot(path, { split: false })).graph, { helperThread: false });
  const reference = alone(oneThread);
  const loaded = await loadSnapshot(path, { split: false });
  const g = loaded.graph;
  const ownWorker = onWorker(loaded);
  expect({ pageObject: ownWorker.pageObject, distances: ownWorker.distances }).toEqual(reference);
  const essential = new Uint32Array(Math.ceil(g.edgeCount / 32));
  computeEssentialEdges(g, stringFacts(g, new EphemeronNames(g.strings)), oneThread.pageObject, essential);
  expect(ownWorker.essential).toEqual(Array.from(essential));
  const slots = new Uint32Array(essential.length);
  essentialSlotBits(g, g.getRetainers().firstRetainerIndex, essential, new Uint32Array(g.nodeCount), slots);
  expect(ownWorker.slots).toEqual(Array.from(slots));
  expect(shared(await loadSnapshot(path, { split: false }))).toEqual(ownWorker);
  // Gzipped files are never split, so they have no spare worker to hand the job to.
  if (!path.endsWith('.gz')) {
    const split = await loadSnapshot(path, { split: { minBytes: 0, blockBytes: 4096 } });
    expect(split.spare).not.toBeNull();
    expect(onWorker(split)).toEqual(ownWorker);
  }
  // What analyzeHeap does by default on a small graph (it races the worker): the same analysis.
  const raced = analyzeHeap(await loadSnapshot(path), { helperThread: { minNodes: 0 } });
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
