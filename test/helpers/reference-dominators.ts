// A deliberately naive reference for dominators, to check core's Lengauer–Tarjan against on small
// graphs. Same model as core and DevTools, written from the definitions:
// - Essential edges (the ones that retain): not weak, not a self loop, not a WeakMap table→value
//   internal edge, not a shortcut unless from the root, not from a non-page object into a page
//   object (page objects: reachable over non-weak edges from the root's shortcut targets and its
//   `(Document DOM trees)` element child).
// - A node that no essential edge retains (only weak ones, or none) hangs directly off the root.
// - Nodes still unreached (cycles retained only by each other) are dominated by the root, and
//   their edges do not count for anything else.
// - Dom(root) = {root}; Dom(n) = {n} ∪ ⋂ Dom(p) over the counted predecessors p, iterated to the
//   fixed point from "all nodes"; the immediate dominator is the strict dominator closest to n.
import type { HeapGraph } from '@heapdiff/core';

export function referenceEssentialEdges(g: HeapGraph): boolean[] {
  const n = g.nodeCount;
  const root = g.rootOrdinal;
  const t = g.edgeTypeId;
  const page = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  for (let e = g.firstEdgeIndex[root]!; e < g.firstEdgeIndex[root + 1]!; e++) {
    const to = g.edgeToOrdinal[e]!;
    const domTrees = g.edgeType[e] === t.element && g.nodeTypeName(to) === 'synthetic' && g.nodeName(to) === '(Document DOM trees)';
    if ((g.edgeType[e] === t.shortcut || domTrees) && !page[to]) {
      page[to] = true;
      stack.push(to);
    }
  }
  while (stack.length > 0) {
    const o = stack.pop()!;
    for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
      const to = g.edgeToOrdinal[e]!;
      if (g.edgeType[e] !== t.weak && !page[to]) {
        page[to] = true;
        stack.push(to);
      }
    }
  }
  const essential = new Array<boolean>(g.edgeCount).fill(false);
  for (let o = 0; o < n; o++) {
    for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
      const type = g.edgeType[e];
      const to = g.edgeToOrdinal[e]!;
      if (type === t.weak || to === o) continue;
      if (type === t.internal && g.edgeName(e).endsWith(`pair in WeakMap (table @${g.nodeId[o]})`)) continue;
      if (o !== root && (type === t.shortcut || (page[to] && !page[o]))) continue;
      essential[e] = true;
    }
  }
  return essential;
}

/** Immediate dominator per node (the root maps to itself). */
export function referenceDominators(g: HeapGraph, essential: boolean[]): number[] {
  const n = g.nodeCount;
  const root = g.rootOrdinal;
  const preds: number[][] = Array.from({ length: n }, () => []);
  const hasEssentialRetainer = new Array<boolean>(n).fill(false);
  for (let o = 0; o < n; o++) {
    for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
      if (!essential[e]) continue;
      preds[g.edgeToOrdinal[e]!]!.push(o);
      hasEssentialRetainer[g.edgeToOrdinal[e]!] = true;
    }
  }
  // Reached from the root over essential edges, or through a virtual root edge to a node that
  // no essential edge retains.
  const reached = new Array<boolean>(n).fill(false);
  const visit = (start: number): void => {
    const stack = [start];
    reached[start] = true;
    while (stack.length > 0) {
      const o = stack.pop()!;
      for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
        const to = g.edgeToOrdinal[e]!;
        if (essential[e] && !reached[to]) {
          reached[to] = true;
          stack.push(to);
        }
      }
    }
  };
  visit(root);
  const virtual: boolean[] = new Array<boolean>(n).fill(false);
  for (let o = 0; o < n; o++) {
    if (!reached[o] && !hasEssentialRetainer[o]) virtual[o] = true;
  }
  for (let o = 0; o < n; o++) if (virtual[o] && !reached[o]) visit(o);

  const all = new Set(Array.from({ length: n }, (_, o) => o));
  const dom: Set<number>[] = Array.from({ length: n }, (_, o) => (o === root ? new Set([root]) : new Set(all)));
  for (let changed = true; changed; ) {
    changed = false;
    for (let o = 0; o < n; o++) {
      if (o === root || !reached[o]) continue;
      const counted = preds[o]!.filter((p) => reached[p]).map((p) => dom[p]!);
      if (virtual[o]) counted.push(dom[root]!);
      const next = new Set<number>([o]);
      if (counted.length > 0) for (const d of counted[0]!) if (counted.every((s) => s.has(d))) next.add(d);
      if (next.size !== dom[o]!.size) {
        dom[o] = next;
        changed = true;
      }
    }
  }
  return Array.from({ length: n }, (_, o) => {
    if (o === root || !reached[o]) return root;
    // Strict dominators form a chain; the immediate one is dominated by all the others.
    let idom = root;
    for (const d of dom[o]!) if (d !== o && dom[d]!.size > dom[idom]!.size) idom = d;
    return idom;
  });
}
