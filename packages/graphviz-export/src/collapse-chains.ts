import { formatEdgeLabel } from '@heapdiff/core';
import type { HeapEdgeAttributes, HeapNodeAttributes, HeapSubgraph } from './attributes.js';
import { foldRun, isFolded } from './fold-runs.js';

/** A box standing for folded steps: not an object of the heap. */
export function foldedNode(text: string, depth: number): HeapNodeAttributes {
  return {
    id: -1, type: 'folded', name: text, className: text, selfSize: 0, retainedSize: null, depth,
    start: false, gcRoot: false, global: false, truncated: 0, folded: text,
  };
}

/** `.next → Item`: a step as repeats compare it, the object id left out. */
export function stepShape(edge: string, className: string): string {
  return `${edge} → ${className}`;
}

/**
 * Long straight runs of the graph (each object held by the one before and holding only the next,
 * none of them a start object or a root) drawn short, as `foldRun` says: repeated cycles and overlong
 * runs become one labelled box. Returns a new graph; iterative, linear in the graph's size.
 */
export function collapseChains(input: HeapSubgraph): HeapSubgraph {
  const graph = input.copy();
  const straight = (key: string): boolean => {
    const a = graph.getNodeAttributes(key);
    return graph.inDegree(key) === 1 && graph.outDegree(key) === 1 && !graph.hasDirectedEdge(key, key)
      && !a.start && !a.gcRoot && !a.global && a.truncated === 0 && a.folded === undefined;
  };
  const runs: string[][] = [];
  const inRun = new Set<string>();
  graph.forEachNode((key) => {
    if (inRun.has(key) || !straight(key) || straight(graph.inNeighbors(key)[0]!)) return;
    const run = [key];
    inRun.add(key);
    for (let next = graph.outNeighbors(key)[0]!; straight(next) && !inRun.has(next); next = graph.outNeighbors(next)[0]!) {
      run.push(next);
      inRun.add(next);
    }
    runs.push(run);
  });
  let folds = 0;
  for (const run of runs) {
    const into = run.map((key) => graph.getEdgeAttributes(graph.inEdges(key)[0]!));
    const edges = into.map((e) => formatEdgeLabel(e.name, e.type));
    const items = foldRun(run.map((key, i) => stepShape(edges[i]!, graph.getNodeAttributes(key).className)), edges);
    if (items.length === run.length) continue;
    const before = graph.inNeighbors(run[0]!)[0]!;
    const after = graph.outNeighbors(run[run.length - 1]!)[0]!;
    const out = graph.getEdgeAttributes(graph.outEdges(run[run.length - 1]!)[0]!);
    const kept = new Set(items.flatMap((item) => (isFolded(item) ? [] : [run[item.step]!])));
    for (const key of run) if (!kept.has(key)) graph.dropNode(key);
    let previous = before;
    const link = (to: string, attributes: HeapEdgeAttributes): void => {
      if (!graph.hasDirectedEdge(previous, to)) graph.addDirectedEdge(previous, to, attributes);
      previous = to;
    };
    for (const item of items) {
      if (isFolded(item)) {
        const key = `fold${++folds}`;
        graph.addNode(key, foldedNode(item.text, input.getNodeAttributes(run[item.from]!).depth));
        link(key, into[item.from]!);
      } else {
        link(run[item.step]!, into[item.step]!);
      }
    }
    link(after, out);
  }
  return graph;
}
