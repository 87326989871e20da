import { CodeNames, pathView, type HeapAnalysis, type PathStep } from '@heapdiff/core';
import { graphFromRetainerPaths, type HeapSubgraph } from '@heapdiff/graphviz-export';

/**
 * Retainer paths merged into one graph. An object no path leads to (only weak references reach
 * it) is drawn alone, so the drawing still says which object it is about.
 */
export function retainerPathsGraph(analysis: HeapAnalysis, paths: readonly PathStep[][], alone?: number): HeapSubgraph {
  const drawn = paths.filter((p) => p.length > 0);
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  if (drawn.length === 0 && alone !== undefined) {
    const graph = graphFromRetainerPaths([pathView(analysis, [{ ordinal: alone, edge: -1 }], { code })]);
    // graphFromRetainerPaths takes a path's first step for the global object or a GC root; this one is neither.
    graph.updateEachNodeAttributes((_, attrs) => ({ ...attrs, global: false, gcRoot: false }));
    return graph;
  }
  // Ordinals tell apart objects that a damaged snapshot gave one id.
  return graphFromRetainerPaths(drawn.map((p) => pathView(analysis, p, { code }).map((step, i) => ({ ...step, ordinal: p[i]!.ordinal }))));
}
