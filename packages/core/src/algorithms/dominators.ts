import type { HeapGraph } from '../graph/heap-graph.js';
import { UNINITIALIZED, takeFrom, type ScratchPool } from './scratch-pool.js';
import { essentialSlotBits } from './slot-bits.js';
import { DepthStack, essentialDfs, type DfsArrays } from './dominator-dfs.js';

export interface DominatorResult {
  /** Immediate dominator ordinal per node; the root (and what only the root reaches) maps to the root. */
  dominator: Uint32Array;
  /** Nodes in DFS preorder (ordinals); children come after their dominators. */
  preorder: Uint32Array;
  /** Nodes that the DFS from the root did not reach over essential edges. */
  unreachableCount: number;
}

/**
 * Immediate dominators by Semi-NCA (Georgiadis, "Linear-Time Algorithms for Dominators and
 * Related Problems", 2005): Lengauer & Tarjan's semidominators (simple eval/link, iterative),
 * then each idom as a nearest common ancestor walk — two node-sized arrays fewer than the
 * bucket pass of the original algorithm, at the memory peak of the whole analysis.
 * Vertices are numbered 1..n (ordinal + 1) so that 0 can mean "none", as in the paper.
 * Unreachable nodes are handled like DevTools does: nodes with only non-essential retainers are
 * DFS-rooted under the root, then any remaining (cycles retained only by each other) individually.
 */
export function computeDominators(g: HeapGraph, essentialWords: Uint32Array, pool?: ScratchPool, slotBits?: () => Uint32Array): DominatorResult {
  const nodeCount = g.nodeCount;
  const { firstRetainerIndex, retainingNode } = g.getRetainers();
  // The same bits by retainer slot (from the analysis helper when there is one), needed once the
  // first DFS is done.
  let slotWords: Uint32Array;
  if (slotBits) {
    slotWords = new Uint32Array(0); // set below, before any read
  } else {
    slotWords = new Uint32Array(Math.ceil(g.edgeCount / 32));
    // From the pool and back, so the cursors become part of the scratch that follows.
    const fill = takeFrom(pool, nodeCount, UNINITIALIZED);
    essentialSlotBits(g, firstRetainerIndex, essentialWords, fill, slotWords);
    pool?.give(fill);
  }
  const isEssentialSlot = (r: number): boolean => (slotWords[r >>> 5]! & (1 << (r & 31))) !== 0;

  const size = nodeCount + 1;
  // parent, vertex and label are written before they are read; ancestor and semi start at 0.
  const arrays: DfsArrays = {
    parent: takeFrom(pool, size, UNINITIALIZED),
    semi: takeFrom(pool, size),
    vertex: takeFrom(pool, size, UNINITIALIZED),
    label: takeFrom(pool, size, UNINITIALIZED),
  };
  const { parent, semi, vertex, label } = arrays;
  const ancestor = takeFrom(pool, size);
  // The DFS path, then the path-compression stack: both as deep as the tree.
  const path = new DepthStack(size + 1);
  const hasOnlyNonEssentialRetainers = (ordinal: number): boolean => {
    for (let r = firstRetainerIndex[ordinal]!, end = firstRetainerIndex[ordinal + 1]!; r < end; r++) {
      if (isEssentialSlot(r)) return false;
    }
    return true;
  };

  const r = g.rootOrdinal + 1;
  let n = essentialDfs(g, essentialWords, arrays, r, 0, path);
  if (slotBits) slotWords = slotBits();
  const reached = n;
  if (n < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] === 0 && hasOnlyNonEssentialRetainers(v - 1)) {
        parent[v] = r;
        n = essentialDfs(g, essentialWords, arrays, v, n, path);
      }
    }
  }
  if (n < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] === 0) {
        parent[v] = r;
        semi[v] = ++n;
        vertex[n] = v;
        label[v] = v;
      }
    }
  }

  const compress = (v0: number): void => {
    let sp = 0;
    let v = v0;
    let stack: Uint32Array = path.words;
    while (ancestor[ancestor[v]!] !== 0) {
      if (++sp === stack.length) stack = path.ensure(sp);
      stack[sp] = v;
      v = ancestor[v]!;
    }
    while (sp > 0) {
      const w = stack[sp--]!;
      const a = ancestor[w]!;
      if (semi[label[a]!]! < semi[label[w]!]!) label[w] = label[a]!;
      ancestor[w] = ancestor[a]!;
    }
  };
  const evaluate = (v: number): number => {
    if (ancestor[v] === 0) return v;
    compress(v);
    return label[v]!;
  };

  for (let i = n; i >= 2; i--) {
    const w = vertex[i]!;
    const wOrdinal = w - 1;
    let orphan = true;
    for (let ri = firstRetainerIndex[wOrdinal]!, end = firstRetainerIndex[wOrdinal + 1]!; ri < end; ri++) {
      if (!isEssentialSlot(ri)) continue;
      orphan = false;
      const u = evaluate(retainingNode[ri]! + 1);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    // Only non-essential retainers: treat the root as the single predecessor.
    if (orphan) semi[w] = semi[r]!;
    ancestor[w] = parent[w]!; // link(parent(w), w)
  }

  // Semi-NCA: the immediate dominator is the nearest ancestor in the DFS tree whose preorder
  // number is at most the semidominator's. Preorder visits dominators first, so their dom is set.
  // label is free now and holds preorder numbers (semi was overwritten by semidominators), and
  // ancestor becomes dom: each entry is written before it is read, as preorder visits dominators
  // first. One node-sized array fewer at the peak of the whole analysis.
  const preorderNumber = label;
  const dom = ancestor;
  for (let i = 1; i <= n; i++) preorderNumber[vertex[i]!] = i;
  dom[0] = r;
  dom[r] = r;
  for (let i = 2; i <= n; i++) {
    const w = vertex[i]!;
    const s = semi[w]!;
    let d = parent[w]!;
    while (preorderNumber[d]! > s) d = dom[d]!;
    dom[w] = d;
  }

  pool?.give(parent, label, semi);
  // Shift to ordinals in place rather than allocating two more arrays at the peak.
  for (let o = 0; o < nodeCount; o++) dom[o] = dom[o + 1]! - 1;
  for (let i = 1; i <= n; i++) vertex[i - 1] = vertex[i]! - 1;
  return { dominator: dom.subarray(0, nodeCount), preorder: vertex.subarray(0, nodeCount), unreachableCount: nodeCount - reached };
}
