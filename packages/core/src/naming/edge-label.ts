import type { HeapGraph } from '../graph/heap-graph.js';

/**
 * An edge written the way DevTools writes it in its Retainers and Containment views
 * (`HeapSnapshotEdge.toString()`): `.prop`, `["a b"]`, `[3]`, `->ctxVar`, `{internal}`,
 * `[[weak]]`. `name` is the edge's name, or its index as a string for element/hidden edges.
 */
export function formatEdgeLabel(name: string, type: string): string {
  switch (type) {
    case 'context':
      return `->${name}`;
    case 'element':
      return `[${name}]`;
    case 'weak':
      return `[[${name}]]`;
    case 'property':
    case 'shortcut':
      return name.includes(' ') ? `["${name}"]` : `.${name}`;
    case 'internal':
    case 'hidden':
    case 'invisible':
      return `{${name}}`;
    default:
      return `?${name}?`;
  }
}

/** `formatEdgeLabel` for edge index `edge` of the graph. */
export function edgeLabel(g: HeapGraph, edge: number): string {
  return formatEdgeLabel(g.edgeName(edge), g.edgeTypeName(edge));
}
