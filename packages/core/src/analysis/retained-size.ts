/**
 * Retained size = own (transferred) self size plus everything the node dominates. Processing
 * nodes in reverse DFS preorder visits every node after all the nodes it dominates.
 */
export function computeRetainedSizes(selfSize: Float64Array, dominator: Uint32Array, preorder: Uint32Array): Float64Array {
  const retained = Float64Array.from(selfSize);
  for (let i = preorder.length - 1; i > 0; i--) {
    const o = preorder[i]!;
    retained[dominator[o]!]! += retained[o]!;
  }
  return retained;
}
