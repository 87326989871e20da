import type { Subgraph } from '@heapdiff/core';
import { DirectedGraph } from 'graphology';
import type { HeapEdgeAttributes, HeapGraphAttributes, HeapNodeAttributes, HeapSubgraph } from './attributes.js';

/** Node key of an object in a HeapSubgraph. */
export function nodeKey(id: number): string {
  return String(id);
}

/**
 * Graph keys of objects: the object id, so DOT names read `n12345`; where a damaged snapshot gave
 * two objects one id, the second and later get `12345-<ordinal>`, so they are never merged.
 */
export class NodeKeys {
  private readonly ordinalOfId = new Map<number, number>();

  keyOf(id: number, ordinal?: number): string {
    if (ordinal === undefined) return nodeKey(id);
    const first = this.ordinalOfId.get(id);
    if (first === undefined) {
      this.ordinalOfId.set(id, ordinal);
      return nodeKey(id);
    }
    return first === ordinal ? nodeKey(id) : `${id}-${ordinal}`;
  }
}

export function emptyHeapSubgraph(attributes: HeapGraphAttributes): HeapSubgraph {
  const graph = new DirectedGraph<HeapNodeAttributes, HeapEdgeAttributes, HeapGraphAttributes>();
  graph.replaceAttributes(attributes);
  return graph;
}

/** The graphology graph for a subgraph extracted by core (`extractSubgraph`), nodes keyed by `NodeKeys`. */
export function graphFromSubgraph(subgraph: Subgraph): HeapSubgraph {
  const graph = emptyHeapSubgraph({ direction: subgraph.direction, maxDepth: subgraph.maxDepth });
  const keys = new NodeKeys();
  for (const n of subgraph.nodes) {
    graph.addNode(keys.keyOf(n.id, n.ordinal), {
      id: n.id,
      type: n.type,
      name: n.name,
      className: n.className,
      label: n.label,
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
    graph.mergeEdge(keys.keyOf(e.from, e.fromOrdinal), keys.keyOf(e.to, e.toOrdinal), { name: e.name, type: e.type, count: e.count });
  }
  return graph;
}
