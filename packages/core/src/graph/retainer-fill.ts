import type { RetainerArrays } from './columns.js';

/**
 * Builds the reverse CSR into the given (zeroed) arrays: count, prefix-sum, then fill, so each
 * node's retainers end up in edge order. Kept free of HeapGraph so a worker can run it.
 * The fill cursors are `first` itself (shifted back afterwards): a separate node-sized array
 * would linger as garbage in a spare worker, or at the dominators' memory peak.
 */
export function fillRetainers(firstEdgeIndex: Uint32Array, edgeToOrdinal: Uint32Array, nodeCount: number, into: RetainerArrays): void {
  const { first, node } = into;
  const n = nodeCount;
  for (let e = 0, m = edgeToOrdinal.length; e < m; e++) first[edgeToOrdinal[e]! + 1]!++;
  for (let o = 0; o < n; o++) first[o + 1]! += first[o]!;
  for (let o = 0; o < n; o++) {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) node[first[edgeToOrdinal[e]!]!++] = o;
  }
  // Each cursor now sits where the next node's slots start.
  for (let o = n; o > 0; o--) first[o] = first[o - 1]!;
  first[0] = 0;
}
