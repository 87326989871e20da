import type { HeapGraph } from '../graph/heap-graph.js';
import { NO_DISTANCE } from '../algorithms/distances.js';
import type { ClassTable } from '../naming/class-names.js';
import type { SizeColumn } from '../algorithms/shallow-size.js';

/** `retainers`: who keeps the start objects alive (objgraph show_backrefs); `references`: what they hold. */
export type SubgraphDirection = 'retainers' | 'references';

/**
 * What the extraction reads. A `HeapAnalysis` fits as is; with only `graph`, labels fall back to
 * node types and raw self sizes, and retainers are shown in snapshot order.
 */
export interface SubgraphSource {
  graph: HeapGraph;
  classes?: ClassTable;
  selfSize?: SizeColumn;
  retainedSize?: SizeColumn;
  distance?: Int32Array;
}

/** The distinct neighbours of one node, each with the edge that represents it. */
export interface Neighbours {
  ordinal: number[];
  /** Edge index chosen to label the pair (the most telling of the parallel edges). */
  edge: number[];
  /** How many edges connect the pair (parallel references, e.g. the same object at two indices). */
  count: number[];
  /** True when every edge of the pair is weak. */
  weakOnly: boolean[];
}

/** Lower is more telling: what a programmer wrote beats engine internals, which beat weak refs. */
function edgeRank(g: HeapGraph, edge: number): number {
  const type = g.edgeType[edge];
  const t = g.edgeTypeId;
  if (type === t.property || type === t.element || type === t.context) return 0;
  if (type === t.shortcut) return 1;
  if (type === t.weak) return 3;
  return 2;
}

/**
 * Collects the neighbours of `o` (retainers or referents), one entry per distinct node, skipping
 * self-loops and, unless `includeWeak`, weak edges. Cold path: runs only for the few nodes the
 * bounded walk expands, so a Map per call is fine.
 */
export function collectNeighbours(g: HeapGraph, o: number, direction: SubgraphDirection, includeWeak: boolean): Neighbours {
  const result: Neighbours = { ordinal: [], edge: [], count: [], weakOnly: [] };
  const slotOf = new Map<number, number>();
  const weak = g.edgeTypeId.weak;
  const { edgeType } = g;
  const visit = (neighbour: number, e: number): void => {
    if (neighbour === o) return;
    const isWeak = edgeType[e] === weak;
    if (isWeak && !includeWeak) return;
    const slot = slotOf.get(neighbour);
    if (slot === undefined) {
      slotOf.set(neighbour, result.ordinal.length);
      result.ordinal.push(neighbour);
      result.edge.push(e);
      result.count.push(1);
      result.weakOnly.push(isWeak);
      return;
    }
    result.count[slot]!++;
    if (!isWeak) result.weakOnly[slot] = false;
    if (edgeRank(g, e) < edgeRank(g, result.edge[slot]!)) result.edge[slot] = e;
  };
  if (direction === 'retainers') {
    const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
    for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
      visit(retainingNode[r]!, retainingEdge[r]!);
    }
  } else {
    const { firstEdgeIndex, edgeToOrdinal } = g;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) visit(edgeToOrdinal[e]!, e);
  }
  return result;
}

/**
 * Positions into `n` in the order to show them: strong before weak; then, for retainers, the ones
 * closest to a GC root first (they lead to whatever holds the object), for references the largest
 * retained (or self) size first (where the memory goes); ties keep the snapshot's edge order.
 */
export function rankNeighbours(source: SubgraphSource, n: Neighbours, direction: SubgraphDirection): number[] {
  const order = n.ordinal.map((_, i) => i);
  const { distance, retainedSize } = source;
  const size = retainedSize ?? source.graph.nodeSelfSize;
  const distanceOf = (o: number): number => {
    const d = distance ? distance[o]! : 0;
    return d === NO_DISTANCE ? Number.MAX_SAFE_INTEGER : d;
  };
  order.sort((a, b) => {
    if (n.weakOnly[a] !== n.weakOnly[b]) return n.weakOnly[a] ? 1 : -1;
    const oa = n.ordinal[a]!;
    const ob = n.ordinal[b]!;
    const key = direction === 'retainers' ? distanceOf(oa) - distanceOf(ob) : size[ob]! - size[oa]!;
    return key || a - b;
  });
  return order;
}
