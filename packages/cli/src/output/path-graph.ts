import { nodeDisplayName, type HeapAnalysis, type PathStep } from '@heapdiff/core';
import { pathsToGraph, type HeapSubgraph, type RetainerPathStep } from '@heapdiff/graphviz-export';

/** A path's steps with what the drawing's labels show: class and sizes besides the JSON fields. */
export function pathGraphSteps(analysis: HeapAnalysis, path: readonly PathStep[]): RetainerPathStep[] {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  return path.map((step) => ({
    nodeId: g.nodeId[step.ordinal]!,
    name: nodeDisplayName(g, analysis.domState, step.ordinal),
    type: g.nodeTypeName(step.ordinal),
    edge: step.edge >= 0 ? g.edgeName(step.edge) : null,
    edgeType: step.edge >= 0 ? g.edgeTypeName(step.edge) : null,
    className: names[classOf[step.ordinal]!]!,
    selfSize: analysis.selfSize[step.ordinal]!,
    retainedSize: analysis.retainedSize[step.ordinal]!,
  }));
}

/**
 * Retainer paths merged into one graph. An object no path leads to (only weak references reach
 * it) is drawn alone, so the drawing still says which object it is about.
 */
export function retainerPathsGraph(analysis: HeapAnalysis, paths: readonly PathStep[][], alone?: number): HeapSubgraph {
  const drawn = paths.filter((p) => p.length > 0);
  if (drawn.length === 0 && alone !== undefined) {
    const graph = pathsToGraph([pathGraphSteps(analysis, [{ ordinal: alone, edge: -1 }])]);
    // pathsToGraph takes a path's first step for the global object or a GC root; this one is neither.
    graph.updateEachNodeAttributes((_, attrs) => ({ ...attrs, global: false, gcRoot: false }));
    return graph;
  }
  return pathsToGraph(drawn.map((p) => pathGraphSteps(analysis, p)));
}
