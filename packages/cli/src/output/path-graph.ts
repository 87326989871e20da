import type { HeapAnalysis, PathStep } from '@heapdiff/core';
import { pathsToGraph, type HeapSubgraph, type RetainerPathStep } from '@heapdiff/graphviz-export';
import { pathToJson } from './retainer-path.js';

/** A path's steps with what the drawing's labels show: class and sizes besides the JSON fields. */
export function pathGraphSteps(analysis: HeapAnalysis, path: readonly PathStep[]): RetainerPathStep[] {
  const { classOf, names } = analysis.classes;
  return pathToJson(analysis, path).map((json, i) => {
    const ordinal = path[i]!.ordinal;
    return { ...json, className: names[classOf[ordinal]!]!, selfSize: analysis.selfSize[ordinal]!, retainedSize: analysis.retainedSize[ordinal]! };
  });
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
