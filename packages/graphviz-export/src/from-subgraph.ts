import type { Subgraph } from '@heapdiff/core';
import { DirectedGraph } from 'graphology';
import type { HeapEdgeAttributes, HeapGraphAttributes, HeapNodeAttributes, HeapSubgraph } from './attributes.js';

/** Node key of an object in a HeapSubgraph. */
export function nodeKey(id: number): string {
  return String(id);
}

export function emptyHeapSubgraph(attributes: HeapGraphAttributes): HeapSubgraph {
  const graph = new DirectedGraph<HeapNodeAttributes, HeapEdgeAttributes, HeapGraphAttributes>();
  graph.replaceAttributes(attributes);
  return graph;
}

/** The graphology graph for a subgraph extracted by core (`extractSubgraph`). */
export function graphFromSubgraph(subgraph: Subgraph): HeapSubgraph {
  const graph = emptyHeapSubgraph({ direction: subgraph.direction, maxDepth: subgraph.maxDepth });
  for (const n of subgraph.nodes) {
    graph.addNode(nodeKey(n.id), {
      id: n.id,
      type: n.type,
      name: n.name,
      className: n.className,
      selfSize: n.selfSize,
      retainedSize: n.retainedSize,
      depth: n.depth,
      start: n.start,
      gcRoot: n.gcRoot,
      global: n.global,
      truncated: n.truncated,
    });
  }
  for (const e of subgraph.edges) {
    graph.mergeEdge(nodeKey(e.from), nodeKey(e.to), { name: e.name, type: e.type, count: e.count });
  }
  return graph;
}
