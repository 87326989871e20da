import { ephemeronEntry, type GraphColumns, type StringFacts } from './graph-columns.js';

/**
 * The edges that count for dominators, exactly as DevTools chooses them: no weak edges, no self
 * loops, no WeakMap table→value edges (the key's edge keeps the value), no shortcuts except from
 * the root, and no edges from non-page objects into page objects. Sets one bit per edge in
 * `words` (zeroed, edgeCount bits). Runs on a worker too.
 */
export function computeEssentialEdges(g: GraphColumns, facts: StringFacts, pageObject: Uint8Array, words: Uint32Array): void {
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
