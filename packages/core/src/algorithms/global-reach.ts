import type { HeapGraph } from '../graph/heap-graph.js';

/**
 * Nodes reachable over non-weak edges from the JavaScript global objects, for snapshots whose root
 * names no user roots. Chromium's snapshots are like that (the root holds only `(GC roots)`), so
 * DevTools' distances say nothing about what the page's JavaScript can reach; the global objects
 * are found instead as the `global_proxy_object` of each `system / NativeContext`.
 * Returns null when the snapshot has no native context to start from.
 */
export function reachableFromGlobals(g: HeapGraph): Uint8Array | null {
  const n = g.nodeCount;
  const globalProxy = g.strings.indexOf('global_proxy_object');
  if (globalProxy < 0) return null;
  const { firstEdgeIndex, edgeType, edgeToOrdinal, edgeNameOrIndex, nodeNameIndex } = g;
  const { weak, internal } = g.edgeTypeId;
  // Per name string, resolved on first use: 1 for `system / NativeContext[ / <url>]`.
  const contextName = new Int8Array(g.strings.length).fill(-1);
  const reached = new Uint8Array(n);
  const stack = new Uint32Array(n);
  let top = 0;
  for (let o = 0; o < n; o++) {
    const name = nodeNameIndex[o]!;
    if (contextName[name] === -1) contextName[name] = g.strings[name]!.startsWith('system / NativeContext') ? 1 : 0;
    if (contextName[name] !== 1) continue;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      if (edgeType[e] !== internal || edgeNameOrIndex[e] !== globalProxy) continue;
      const target = edgeToOrdinal[e]!;
      if (!reached[target]) {
        reached[target] = 1;
        stack[top++] = target;
      }
    }
  }
  if (top === 0) return null;
  while (top > 0) {
    const o = stack[--top]!;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const target = edgeToOrdinal[e]!;
      if (reached[target] || edgeType[e] === weak) continue;
      reached[target] = 1;
      stack[top++] = target;
    }
  }
  return reached;
}
