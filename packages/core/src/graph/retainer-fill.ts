/** The retainer index's two arrays, as built by fillRetainers. */
export interface RetainerArrays {
  /** nodeCount + 1 entries: node o's retainers are slots [first[o], first[o + 1]). */
  first: Uint32Array;
  /** The retaining node of each slot. */
  node: Uint32Array;
}

/**
 * Builds the reverse CSR into the given (zeroed) arrays: count, prefix-sum, then fill, so each
 * node's retainers end up in edge order. Kept free of HeapGraph so the edge worker can run it.
 */
export function fillRetainers(firstEdgeIndex: Uint32Array, edgeToOrdinal: Uint32Array, nodeCount: number, into: RetainerArrays): void {
  const { first, node } = into;
  const n = nodeCount;
  for (let e = 0, m = edgeToOrdinal.length; e < m; e++) first[edgeToOrdinal[e]! + 1]!++;
  for (let o = 0; o < n; o++) first[o + 1]! += first[o]!;
  const fill = first.slice(0, n);
  for (let o = 0; o < n; o++) {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) node[fill[edgeToOrdinal[e]!]!++] = o;
  }
}
