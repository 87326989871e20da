import type { GraphColumns } from '../graph/column-view.js';
import { ephemeronEntry, type StringFacts } from './string-facts.js';

/**
 * The edges that count for dominators, exactly as DevTools chooses them: no weak edges, no self
 * loops, no WeakMap table→value edges (the key's edge keeps the value), no shortcuts except from
 * the root, and no edges from non-page objects into page objects. Sets one bit per edge in
 * `words` (zeroed, edgeCount bits), for edges [fromEdge, toEdge). Runs on a worker too.
 */
export function computeEssentialEdges(
  g: GraphColumns, facts: StringFacts, pageObject: Uint8Array, words: Uint32Array, fromEdge = 0, toEdge = g.edgeCount,
): void {
  const { firstEdgeIndex, edgeType, edgeToOrdinal, edgeNameOrIndex, nodeId } = g;
  const { internal, weak, shortcut } = g.edgeTypeId;
  const root = g.rootOrdinal;
  let e = fromEdge;
  // The node whose edges include fromEdge: the last o with firstEdgeIndex[o] <= fromEdge.
  let lo = 0;
  let hi = g.nodeCount;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (firstEdgeIndex[mid]! <= fromEdge) lo = mid;
    else hi = mid - 1;
  }
  for (let o = lo; e < toEdge; o++) {
    const sourceIsPage = pageObject[o] !== 0;
    for (const end = Math.min(firstEdgeIndex[o + 1]!, toEdge); e < end; e++) {
      const type = edgeType[e];
      if (type === weak) continue;
      if (type === internal) {
        const at = ephemeronEntry(facts, edgeNameOrIndex[e]!);
        if (at >= 0 && facts.ephemeronTableId[at] === nodeId[o]) continue;
      }
      const target = edgeToOrdinal[e]!;
      if (target === o) continue;
      if (o !== root) {
        if (type === shortcut) continue;
        if (pageObject[target] !== 0 && !sourceIsPage) continue;
      }
      words[e >>> 5]! |= 1 << (e & 31);
    }
  }
}
