import { formatEdgeLabel } from '@heapdiff/core';
import type { HeapSubgraph } from './attributes.js';
import { foldedNode, stepShape } from './collapse-chains.js';
import { foldRun, isFolded, type RunItem } from './fold-runs.js';
import { emptyHeapSubgraph, NodeKeys } from './from-subgraph.js';

/**
 * One step of a retainer path as `heapdiff path` / `heapdiff leaks` print it (root side first, the
 * object last). `edge`/`edgeType` describe the reference from the previous step to this one.
 */
export interface RetainerPathStep {
  nodeId: number;
  /** The node's ordinal, where known: tells apart two objects a damaged snapshot gave one id. */
  ordinal?: number;
  name: string;
  type: string;
  edge?: string | null;
  edgeType?: string | null;
  /** Class name for the label; defaults to `name`. */
  className?: string;
  /** A function with its file:line:col, a scope for what it is (core's pathView gives it). */
  label?: string | null;
  selfSize?: number;
  retainedSize?: number | null;
}

/** A path's steps as drawn: the first as it is, the rest with long repeats and runs folded. */
function foldPath(path: readonly RetainerPathStep[]): RunItem[] {
  const rest = path.slice(1);
  const edges = rest.map((s) => formatEdgeLabel(s.edge ?? '', s.edgeType ?? 'property'));
  const items = foldRun(rest.map((s, i) => stepShape(edges[i]!, s.className ?? s.name)), edges);
  const shifted = items.map((item): RunItem => (isFolded(item) ? { ...item, from: item.from + 1, to: item.to + 1 } : { step: item.step + 1 }));
  return path.length === 0 ? [] : [{ step: 0 }, ...shifted];
}

/**
 * Merges retainer paths into one graph: shared holders become one node, and each path's last step
 * is a start object (depth 0, depth counted back towards the root). A path's first step is what
 * the root holds: a GC root category if synthetic, otherwise a global object. A long path (a
 * closure chain thousands of steps deep) is folded as it is read, so the graph stays small.
 */
export function graphFromRetainerPaths(paths: readonly (readonly RetainerPathStep[])[]): HeapSubgraph {
  const graph = emptyHeapSubgraph({ direction: 'retainers', maxDepth: 0 });
  const keys = new NodeKeys();
  const folds = new Map<string, string>();
  for (const path of paths) {
    let previous: string | null = null;
    for (const item of foldPath(path)) {
      if (isFolded(item)) {
        const depth = path.length - 1 - item.from;
        const shared = `${previous}\u0000${item.text}`;
        let key = folds.get(shared);
        if (key === undefined) {
          key = `fold${folds.size + 1}`;
          folds.set(shared, key);
          graph.addNode(key, foldedNode(item.text, depth));
        }
        const into = path[item.from]!;
        if (previous !== null && !graph.hasDirectedEdge(previous, key)) {
          graph.addDirectedEdge(previous, key, { name: into.edge ?? '', type: into.edgeType ?? 'property', count: 1 });
        }
        previous = key;
        continue;
      }
      const i = item.step;
      const step = path[i]!;
      const depth = path.length - 1 - i;
      const key = keys.keyOf(step.nodeId, step.ordinal);
      const existing = graph.hasNode(key) ? graph.getNodeAttributes(key) : null;
      graph.mergeNode(key, {
        id: step.nodeId,
        type: step.type,
        name: step.name,
        className: step.className ?? existing?.className ?? step.name,
        label: step.label ?? existing?.label ?? null,
        selfSize: step.selfSize ?? existing?.selfSize ?? 0,
        retainedSize: step.retainedSize ?? existing?.retainedSize ?? null,
        depth: Math.min(depth, existing?.depth ?? depth),
        start: depth === 0 || (existing?.start ?? false),
        gcRoot: step.type === 'synthetic',
        global: (i === 0 && step.type !== 'synthetic') || (existing?.global ?? false),
        truncated: 0,
      });
      if (previous !== null && previous !== key && !graph.hasDirectedEdge(previous, key)) {
        graph.addDirectedEdge(previous, key, { name: step.edge ?? '', type: step.edgeType ?? 'property', count: 1 });
      }
      previous = key;
    }
  }
  redepth(graph);
  return graph;
}

/**
 * Depth as drawn: steps back from the nearest start object, over the merged and folded graph
 * (breadth first, iteratively), so it grows along every holder chain however the paths merged.
 */
function redepth(graph: HeapSubgraph): void {
  const depth = new Map<string, number>();
  const queue: string[] = [];
  graph.forEachNode((key, a) => {
    if (!a.start) return;
    depth.set(key, 0);
    queue.push(key);
  });
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    const d = depth.get(key)!;
    for (const holder of graph.inNeighbors(key)) {
      if (depth.has(holder)) continue;
      depth.set(holder, d + 1);
      queue.push(holder);
    }
  }
  let deepest = 0;
  graph.updateEachNodeAttributes((key, a) => {
    const d = depth.get(key) ?? 0;
    deepest = Math.max(deepest, d);
    return { ...a, depth: d };
  });
  graph.setAttribute('maxDepth', deepest);
}
