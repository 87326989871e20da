import type { HeapSubgraph } from './attributes.js';

/**
 * Objects drawn at most. WASM Graphviz lays out a few hundred boxes in well under a second and
 * 2,000 in several; past that, time (and its recursion depth) grows with what is drawn.
 */
export const MAX_DRAWN_NODES = 400;

/**
 * Keeps the `max` nodes nearest the start objects (by depth, then in insertion order, start objects
 * always) and drops the rest, counting them in the graph's `omitted` attribute for the caption.
 * Returns the graph itself when it is small enough, else a new one.
 */
export function capNodes(graph: HeapSubgraph, max = MAX_DRAWN_NODES): HeapSubgraph {
  if (graph.order <= max) return graph;
  const keys = graph.nodes();
  const depth = (key: string): number => {
    const a = graph.getNodeAttributes(key);
    return a.start ? -1 : a.depth;
  };
  const order = keys.map((key, i) => ({ key, i, d: depth(key) })).sort((a, b) => a.d - b.d || a.i - b.i);
  const result = graph.copy();
  for (const { key } of order.slice(max)) result.dropNode(key);
  result.setAttribute('omitted', (graph.getAttribute('omitted') ?? 0) + order.length - max);
  return result;
}
