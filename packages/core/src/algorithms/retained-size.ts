import { UNINITIALIZED, type ScratchPool } from './scratch-pool.js';
import type { SizeColumn } from './shallow-size.js';

/**
 * Retained size = own (transferred) self size plus everything the node dominates. Processing
 * nodes in reverse DFS preorder visits every node after all the nodes it dominates.
 */
export function computeRetainedSizes(selfSize: SizeColumn, dominator: Uint32Array, preorder: Uint32Array, pool?: ScratchPool): SizeColumn {
  const n = selfSize.length;
  // A retained size never exceeds the total, which a 32-bit self size column says fits.
  const retained: SizeColumn = selfSize instanceof Uint32Array
    ? (pool ? pool.take(n, UNINITIALIZED) : new Uint32Array(n))
    : (pool ? pool.takeFloat64(n, UNINITIALIZED) : new Float64Array(n));
  retained.set(selfSize); // every entry: the pool's memory needs no zeroing
  for (let i = preorder.length - 1; i > 0; i--) {
    const o = preorder[i]!;
    retained[dominator[o]!]! += retained[o]!;
  }
  return retained;
}
