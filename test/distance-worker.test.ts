// Distances are computed on a worker (the parse's idle edge worker, or a worker of their own)
// while the main thread computes dominators. Whichever thread runs them, they must equal the
// one-thread result and DevTools' own distances, including its special cases: descriptor arrays
// (numeric edge names), WeakMap ephemeron edges and sloppy_function_map.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHeap, loadSnapshot, type HeapGraph } from '@heapdiff/core';
// White box: the analysis races the worker (and takes the work back on small graphs); here the
// worker is given time to start, and asked which thread did the work.
import { DistanceWorker } from '../packages/core/dist/analysis/distance-helper.js';
import { ScratchPool } from '../packages/core/dist/analysis/scratch-pool.js';
import { EphemeronNames } from '../packages/core/dist/analysis/weakmap-edges.js';
import { devtoolsLoad } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/chrome/', import.meta.url));

function onWorker(g: HeapGraph): Int32Array {
  const worker = DistanceWorker.start(g, new EphemeronNames(g.strings), new ScratchPool(), 0)!;
  const distances = worker.finish(30_000);
  expect(worker.computedBy).toBe('worker');
  return distances;
}

async function expectSameDistances(path: string): Promise<void> {
  const alone = Array.from(analyzeHeap((await loadSnapshot(path, { split: false })).graph, { distanceWorker: false }).distance);
  expect(Array.from(onWorker((await loadSnapshot(path, { split: false })).graph))).toEqual(alone);
  // Gzipped files are never split, so they have no edge worker to hand the job to.
  if (!path.endsWith('.gz')) expect(Array.from(onWorker((await loadSnapshot(path, { split: { minBytes: 0, blockBytes: 4096 } })).graph))).toEqual(alone);
  // What analyzeHeap does by default on a small graph (it races the worker): the same again.
  expect(Array.from(analyzeHeap((await loadSnapshot(path)).graph, { distanceWorker: { minNodes: 0 } }).distance)).toEqual(alone);
  const devtools = await devtoolsLoad(path);
  expect(alone).toEqual(Array.from((devtools as unknown as { nodeDistances: Int32Array }).nodeDistances));
}

describe('distances on a worker equal one-thread distances and DevTools', () => {
  test('Node snapshot with a leak', async () => {
    const [, target] = await makeSnapshot('leak-three');
    await expectSameDistances(target!);
  });

  test.each(['detached-dom', 'listener-leak'])('Chromium snapshot (%s)', async (page) => {
    await expectSameDistances(join(FIXTURES, page, '2-target.heapsnapshot.gz'));
  });
});
