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
 * The fill cursors are `first` itself (shifted back afterwards): a separate node-sized array
 * would linger as garbage in an idle worker, or at the dominators' memory peak.
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
