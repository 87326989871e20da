import type { HeapGraph } from '../graph/heap-graph.js';
import { BitVector } from './bit-vector.js';
import type { EphemeronNames } from './weakmap-edges.js';

/**
 * The edges that count for dominators, exactly as DevTools chooses them: no weak edges, no self
 * loops, no WeakMap table→value edges (the key's edge keeps the value), no shortcuts except from
 * the root, and no edges from non-page objects into page objects.
 */
export function computeEssentialEdges(g: HeapGraph, pageObject: Uint8Array, ephemerons: EphemeronNames): BitVector {
  const essential = new BitVector(g.edgeCount);
  const { firstEdgeIndex, edgeType, edgeToOrdinal, edgeNameOrIndex, nodeId } = g;
  const { internal, weak, shortcut } = g.edgeTypeId;
  const root = g.rootOrdinal;
  const n = g.nodeCount;
  for (let o = 0; o < n; o++) {
    const sourceIsPage = pageObject[o] !== 0;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const type = edgeType[e];
      if (type === weak) continue;
      if (type === internal) {
        const match = ephemerons.match(edgeNameOrIndex[e]!);
        if (match && match.tableId === nodeId[o]) continue;
      }
      const target = edgeToOrdinal[e]!;
      if (target === o) continue;
      if (o !== root) {
        if (type === shortcut) continue;
        if (pageObject[target] !== 0 && !sourceIsPage) continue;
      }
      essential.set(e);
    }
  }
  return essential;
}
