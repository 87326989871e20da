import type { GraphColumns } from '../graph/column-view.js';

/**
 * The dominator pass's DFS state, one entry per vertex 1..n (vertex = ordinal + 1, 0 = none):
 * each array has nodeCount + 1 entries. `semi` starts zeroed (0 = not visited); the DFS sets
 * the others for every vertex it visits.
 */
export interface DfsArrays {
  parent: Uint32Array;
  /** Preorder number of each visited vertex (the semidominator pass overwrites it). */
  semi: Uint32Array;
  /** Vertex at each preorder number. */
  vertex: Uint32Array;
  label: Uint32Array;
}

/**
 * A stack as deep as the DFS tree (far less than a node-sized array at the memory peak), grown on
 * demand for deep chains up to the node count; kept across calls.
 */
export class DepthStack {
  words: Uint32Array = new Uint32Array(4096);

  constructor(private readonly limit: number) {}

  /** Makes room for index `depth`. */
  ensure(depth: number): Uint32Array {
    if (depth >= this.words.length) {
      const bigger = new Uint32Array(Math.min(Math.max(2 * this.words.length, depth + 1), this.limit));
      bigger.set(this.words);
      this.words = bigger;
    }
    return this.words;
  }
}

/**
 * DFS over the essential edges from `start` (a vertex), numbering vertices in preorder after the
 * `n` already numbered; returns the new count. Iterative: the path's resume points live on
 * `path`.
 */
export function essentialDfs(
  g: Pick<GraphColumns, 'firstEdgeIndex' | 'edgeToOrdinal'>, essentialWords: Uint32Array, arrays: DfsArrays, start: number, n: number, path: DepthStack,
): number {
  const { firstEdgeIndex, edgeToOrdinal } = g;
  const { parent, semi, vertex, label } = arrays;
  const isEssential = (e: number): boolean => (essentialWords[e >>> 5]! & (1 << (e & 31))) !== 0;
  let stack: Uint32Array = path.words;
  semi[start] = ++n;
  vertex[n] = start;
  label[start] = start;
  let depth = 0;
  stack[0] = firstEdgeIndex[start - 1]!;
  let v = start;
  for (;;) {
    const edgesEnd = firstEdgeIndex[v]!; // = firstEdgeIndex[(v - 1) + 1]
    let w = 0;
    for (let e = stack[depth]!; e < edgesEnd; e++) {
      if (!isEssential(e)) continue;
      const target = edgeToOrdinal[e]! + 1;
      if (semi[target] === 0) {
        stack[depth] = e + 1;
        w = target;
        break;
      }
    }
    if (w === 0) {
      if (depth === 0) return n;
      depth--;
      v = parent[v]!;
      continue;
    }
    parent[w] = v;
    semi[w] = ++n;
    vertex[n] = w;
    label[w] = w;
    if (++depth === stack.length) stack = path.ensure(depth);
    stack[depth] = firstEdgeIndex[w - 1]!;
    v = w;
  }
}
