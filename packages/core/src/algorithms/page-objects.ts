import type { HeapGraph } from '../graph/heap-graph.js';
import type { GraphColumns } from '../graph/column-view.js';
import type { StringFacts } from './string-facts.js';

/**
 * Objects owned by the page (or the Node.js global): everything reachable over non-weak edges
 * from the root's shortcut targets (global objects) and from `(Document DOM trees)`. DevTools
 * uses this to keep debugger-owned references from changing dominators. `page` (node-sized,
 * zeroed) gets the flags; `stack` holds nodeCount + 1 entries. Runs on a worker too.
 */
export function markPageObjects(g: GraphColumns, facts: StringFacts, page: Uint8Array, stack: Uint32Array): void {
  const { firstEdgeIndex, edgeType, edgeToOrdinal } = g;
  const { shortcut, element, weak } = g.edgeTypeId;
  let top = 0;
  const root = g.rootOrdinal;
  for (let e = firstEdgeIndex[root]!, end = firstEdgeIndex[root + 1]!; e < end; e++) {
    const type = edgeType[e];
    const target = edgeToOrdinal[e]!;
    if (type === element) {
      if (!isDomTreesRoot(g, facts, target)) continue;
    } else if (type !== shortcut) {
      continue;
    }
    // DevTools pushes an entry point each time it is named, even twice; harmless either way.
    if (!page[target]) stack[top++] = target;
    page[target] = 1;
  }
  while (top > 0) {
    const o = stack[--top]!;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const target = edgeToOrdinal[e]!;
      if (page[target] || edgeType[e] === weak) continue;
      page[target] = 1;
      stack[top++] = target;
    }
  }
}

/** `(Document DOM trees)`, by the string index the facts name (a worker has no strings). */
export function isDomTreesRoot(g: GraphColumns, facts: StringFacts, ordinal: number): boolean {
  const documentDomTrees = facts.names.documentDomTrees;
  return g.nodeType[ordinal] === g.nodeTypeId.synthetic && documentDomTrees >= 0 && g.nodeNameIndex[ordinal] === documentDomTrees;
}

/** DevTools' "user roots" (see isUserRoot), over columns and string facts. */
export function isUserRootColumn(g: GraphColumns, facts: StringFacts, ordinal: number): boolean {
  return g.nodeType[ordinal] !== g.nodeTypeId.synthetic || isDomTreesRoot(g, facts, ordinal);
}

export function isDocumentDomTreesRoot(g: HeapGraph, ordinal: number): boolean {
  return g.nodeType[ordinal] === g.nodeTypeId.synthetic && g.nodeName(ordinal) === '(Document DOM trees)';
}

/** DevTools' "user roots": non-synthetic children of the root, and `(Document DOM trees)`. */
export function isUserRoot(g: HeapGraph, ordinal: number): boolean {
  return g.nodeType[ordinal] !== g.nodeTypeId.synthetic || isDocumentDomTreesRoot(g, ordinal);
}

export function hasUserRoots(g: HeapGraph): boolean {
  const root = g.rootOrdinal;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    if (isUserRoot(g, g.edgeToOrdinal[e]!)) return true;
  }
  return false;
}
