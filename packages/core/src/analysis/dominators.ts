import type { HeapGraph } from '../graph/heap-graph.js';
import type { BitVector } from './bit-vector.js';

export interface DominatorResult {
  /** Immediate dominator ordinal per node; the root (and what only the root reaches) maps to the root. */
  dominator: Uint32Array;
  /** Nodes in DFS preorder (ordinals); children come after their dominators. */
  preorder: Uint32Array;
  /** Nodes that the DFS from the root did not reach over essential edges. */
  unreachableCount: number;
}

/**
 * Immediate dominators by Lengauer & Tarjan, "A fast algorithm for finding dominators in a
 * flowgraph", ACM TOPLAS 1(1), 1979 — the simple eval/link variant, iterative throughout.
 * Vertices are numbered 1..n (ordinal + 1) so that 0 can mean "none", as in the paper.
 * Unreachable nodes are handled like DevTools does: nodes with only non-essential retainers are
 * DFS-rooted under the root, then any remaining (cycles retained only by each other) individually.
 */
export function computeDominators(g: HeapGraph, essential: BitVector): DominatorResult {
  const nodeCount = g.nodeCount;
  const { firstEdgeIndex, edgeToOrdinal } = g;
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const essentialWords = essential.words;
  const isEssential = (e: number): boolean => (essentialWords[e >>> 5]! & (1 << (e & 31))) !== 0;

  const size = nodeCount + 1;
  const parent = new Uint32Array(size);
  const ancestor = new Uint32Array(size);
  const vertex = new Uint32Array(size);
  const label = new Uint32Array(size);
  const semi = new Uint32Array(size);
  const dom = new Uint32Array(size);
  // bucket(v) as singly linked lists: bucketHead[v] -> w -> bucketNext[w] ...
  const bucketHead = new Uint32Array(size);
  const bucketNext = new Uint32Array(size);
  // Next edge to examine per vertex, so the DFS can resume where it left off.
  const nextEdge = new Uint32Array(size);
  let n = 0;

  const dfs = (start: number): void => {
    nextEdge[start] = firstEdgeIndex[start - 1]!;
    let v = start;
    while (v !== 0) {
      if (semi[v] === 0) {
        semi[v] = ++n;
        vertex[n] = v;
        label[v] = v;
      }
      let vNext = parent[v]!;
      const edgesEnd = firstEdgeIndex[v]!; // = firstEdgeIndex[(v - 1) + 1]
      for (let e = nextEdge[v]!; e < edgesEnd; e++) {
        if (!isEssential(e)) continue;
        const w = edgeToOrdinal[e]! + 1;
        if (semi[w] === 0) {
          nextEdge[v] = e + 1;
          parent[w] = v;
          nextEdge[w] = firstEdgeIndex[w - 1]!;
          vNext = w;
          break;
        }
      }
      if (vNext === parent[v]) nextEdge[v] = edgesEnd;
      v = vNext;
    }
  };

  const hasOnlyNonEssentialRetainers = (ordinal: number): boolean => {
    for (let r = firstRetainerIndex[ordinal]!, end = firstRetainerIndex[ordinal + 1]!; r < end; r++) {
      if (isEssential(retainingEdge[r]!)) return false;
    }
    return true;
  };

  const stack = new Uint32Array(size);
  const compress = (v0: number): void => {
    let sp = 0;
    let v = v0;
    while (ancestor[ancestor[v]!] !== 0) {
      stack[++sp] = v;
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

  const r = g.rootOrdinal + 1;
  dfs(r);
  const reached = n;
  if (n < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] === 0 && hasOnlyNonEssentialRetainers(v - 1)) {
        parent[v] = r;
        dfs(v);
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

  for (let i = n; i >= 2; i--) {
    const w = vertex[i]!;
    const wOrdinal = w - 1;
    let orphan = true;
    for (let ri = firstRetainerIndex[wOrdinal]!, end = firstRetainerIndex[wOrdinal + 1]!; ri < end; ri++) {
      if (!isEssential(retainingEdge[ri]!)) continue;
      orphan = false;
      const u = evaluate(retainingNode[ri]! + 1);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    // Only non-essential retainers: treat the root as the single predecessor.
    if (orphan) semi[w] = semi[r]!;
    const s = vertex[semi[w]!]!;
    bucketNext[w] = bucketHead[s]!;
    bucketHead[s] = w;
    const p = parent[w]!;
    ancestor[w] = p; // link(parent(w), w)
    for (let v = bucketHead[p]!; v !== 0; v = bucketNext[v]!) {
      const u = evaluate(v);
      dom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = 0;
  }

  dom[0] = r;
  dom[r] = r;
  for (let i = 2; i <= n; i++) {
    const w = vertex[i]!;
    if (dom[w] !== vertex[semi[w]!]) dom[w] = dom[dom[w]!]!;
  }

  const dominator = new Uint32Array(nodeCount);
  const preorder = new Uint32Array(nodeCount);
  for (let o = 0; o < nodeCount; o++) dominator[o] = dom[o + 1]! - 1;
  for (let i = 1; i <= n; i++) preorder[i - 1] = vertex[i]! - 1;
  return { dominator, preorder, unreachableCount: nodeCount - reached };
}
