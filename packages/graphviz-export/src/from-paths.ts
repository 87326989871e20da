import type { HeapSubgraph } from './attributes.js';
import { emptyHeapSubgraph, nodeKey } from './from-subgraph.js';

/**
 * One step of a retainer path as `heapdiff path` / `heapdiff leaks` print it (root side first, the
 * object last). `edge`/`edgeType` describe the reference from the previous step to this one.
 */
export interface RetainerPathStep {
  nodeId: number;
  name: string;
  type: string;
  edge?: string | null;
  edgeType?: string | null;
  /** Class name for the label; defaults to `name`. */
  className?: string;
  selfSize?: number;
  retainedSize?: number | null;
}

/**
 * Merges retainer paths into one graph: shared holders become one node, and each path's last step
 * is a start object (depth 0, depth counted back towards the root). A path's first step is what
 * the root holds: a GC root category if synthetic, otherwise a global object.
 */
export function graphFromRetainerPaths(paths: readonly (readonly RetainerPathStep[])[]): HeapSubgraph {
  const longest = Math.max(0, ...paths.map((p) => p.length - 1));
  const graph = emptyHeapSubgraph({ direction: 'retainers', maxDepth: longest });
  for (const path of paths) {
    path.forEach((step, i) => {
      const depth = path.length - 1 - i;
      const key = nodeKey(step.nodeId);
      const existing = graph.hasNode(key) ? graph.getNodeAttributes(key) : null;
      graph.mergeNode(key, {
        id: step.nodeId,
        type: step.type,
        name: step.name,
        className: step.className ?? existing?.className ?? step.name,
        selfSize: step.selfSize ?? existing?.selfSize ?? 0,
        retainedSize: step.retainedSize ?? existing?.retainedSize ?? null,
        depth: Math.min(depth, existing?.depth ?? depth),
        start: depth === 0 || (existing?.start ?? false),
        gcRoot: step.type === 'synthetic',
        global: (i === 0 && step.type !== 'synthetic') || (existing?.global ?? false),
        truncated: 0,
      });
      if (i === 0) return;
      const from = nodeKey(path[i - 1]!.nodeId);
      if (from === key) return;
      if (graph.hasDirectedEdge(from, key)) return;
      graph.addDirectedEdge(from, key, { name: step.edge ?? '', type: step.edgeType ?? 'property', count: 1 });
    });
  }
  return graph;
}
