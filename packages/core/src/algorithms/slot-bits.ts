import type { GraphColumns } from '../graph/column-view.js';

/**
 * The essential-edge bits by retainer slot (the order graph/retainer-fill.ts fills them in), so
 * the dominators' reverse pass needs no edge numbers. `fill` is nodeCount entries of scratch.
 * The fill order is written out again here: through a visit callback both passes measured
 * about 10% slower. Runs on a worker too.
 */
export function essentialSlotBits(g: GraphColumns, firstRetainerIndex: Uint32Array, essentialWords: Uint32Array, fill: Uint32Array, slots: Uint32Array): void {
  const { firstEdgeIndex, edgeToOrdinal } = g;
  const n = g.nodeCount;
  fill.set(firstRetainerIndex.subarray(0, n));
  for (let o = 0; o < n; o++) {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const slot = fill[edgeToOrdinal[e]!]!++;
      if ((essentialWords[e >>> 5]! & (1 << (e & 31))) !== 0) slots[slot >>> 5]! |= 1 << (slot & 31);
    }
  }
}
