import type { HeapGraph } from '../graph/heap-graph.js';
import { computeDistanceColumns, NO_DISTANCE, BASE_SYSTEM_DISTANCE } from './distance-bfs.js';
import type { StringFacts } from './string-facts.js';
import { takeFrom, type ScratchPool } from './scratch-pool.js';

export { BASE_SYSTEM_DISTANCE, NO_DISTANCE };

/** DevTools' distances (see distance-bfs.ts), computed on this thread. */
export function computeDistances(g: HeapGraph, facts: StringFacts, pool?: ScratchPool): Int32Array {
  const scratch = takeFrom(pool, g.nodeCount);
  const distances = new Int32Array(scratch.buffer, scratch.byteOffset, g.nodeCount);
  const queue = takeFrom(pool, g.nodeCount);
  computeDistanceColumns(g, facts, distances, queue);
  pool?.give(queue);
  return distances;
}
