import type { ScratchPool } from './scratch-pool.js';

/**
 * Retained size = own (transferred) self size plus everything the node dominates. Processing
 * nodes in reverse DFS preorder visits every node after all the nodes it dominates.
 */
export function computeRetainedSizes(selfSize: Float64Array, dominator: Uint32Array, preorder: Uint32Array, pool?: ScratchPool): Float64Array {
  const retained = pool ? pool.takeFloat64(selfSize.length) : new Float64Array(selfSize.length);
  retained.set(selfSize);
  for (let i = preorder.length - 1; i > 0; i--) {
    const o = preorder[i]!;
    retained[dominator[o]!]! += retained[o]!;
  }
  return retained;
}
