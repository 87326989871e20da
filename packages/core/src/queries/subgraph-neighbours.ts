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

/** Which neighbours count. */
export interface NeighbourFilter {
  direction: SubgraphDirection;
  includeWeak: boolean;
  /** References only: also prototypes (`__proto__`), hidden classes (`map`) and engine internals. */
  includeBuiltins: boolean;
}

/** One neighbour to draw: the edge that labels the pair and how many edges join it. */
export interface PickedNeighbour {
  ordinal: number;
  /** The most telling of the parallel edges (what a programmer wrote beats engine internals). */
  edge: number;
  /** Edges between the pair (the same object at two indices counts twice). */
  count: number;
}

export interface NeighbourPick {
  /** At most `limit`, in the order to show them. */
  picked: PickedNeighbour[];
  /** Distinct neighbours in all, picked or not. */
  total: number;
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
 * Picks the neighbours of one node to draw, in bounded memory whatever its degree (an object with
 * ten million edges costs four passes over them, no allocation per edge): distinct neighbours are
 * told apart with a bit per node (`marks`, all clear between calls), and the best `limit` kept in a
 * small heap. Order: strong before weak; then, for retainers, the closest to a GC root first (they
 * lead to whatever holds the object), for references the largest retained (or self) size first
 * (where the memory goes); ties in the snapshot's edge order. Self-loops are skipped, and weak
 * edges unless `includeWeak`.
 */
export function pickNeighbours(source: SubgraphSource, o: number, filter: NeighbourFilter, limit: number, marks: Uint8Array): NeighbourPick {
  const g = source.graph;
  const retainers = filter.direction === 'retainers';
  const weakType = g.edgeTypeId.weak;
  const { edgeType } = g;
  const counts = countsEdge(g, filter);
  const { distance, retainedSize } = source;
  const size = retainedSize ?? g.nodeSelfSize;
  // Smaller is better: distance from a root, or minus the size.
  const key = (n: number): number => {
    if (!retainers) return -size[n]!;
    const d = distance ? distance[n]! : 0;
    return d === NO_DISTANCE ? Number.MAX_SAFE_INTEGER : d;
  };
  const degree = retainers ? g.getRetainers().firstRetainerIndex[o + 1]! - g.getRetainers().firstRetainerIndex[o]! : g.firstEdgeIndex[o + 1]! - g.firstEdgeIndex[o]!;
  const best = new BoundedPicks(Math.min(limit, degree));
  let total = 0;
  let order = 0;
  const firstSight = (neighbour: number, weakOnly: boolean): void => {
    const bit = 1 << (neighbour & 7);
    const byte = neighbour >>> 3;
    if ((marks[byte]! & bit) !== 0) return;
    marks[byte] = marks[byte]! | bit;
    total++;
    best.offer(neighbour, weakOnly ? 1 : 0, key(neighbour), order++);
  };
  // Strong edges first: a neighbour joined by any strong edge ranks as strong.
  forEachEdge(g, o, retainers, (neighbour, e) => {
    if (edgeType[e] !== weakType && counts(neighbour, e, o)) firstSight(neighbour, false);
  });
  if (filter.includeWeak) {
    forEachEdge(g, o, retainers, (neighbour, e) => {
      if (edgeType[e] === weakType && counts(neighbour, e, o)) firstSight(neighbour, true);
    });
  }
  forEachEdge(g, o, retainers, (neighbour) => { marks[neighbour >>> 3] = 0; });

  const picked = best.sorted().map((ordinal): PickedNeighbour => ({ ordinal, edge: -1, count: 0 }));
  // Their edges: the count of parallel ones and the most telling, found by binary search.
  const byOrdinal = picked.map((_, i) => i).sort((a, b) => picked[a]!.ordinal - picked[b]!.ordinal);
  forEachEdge(g, o, retainers, (neighbour, e) => {
    if (!counts(neighbour, e, o)) return;
    let lo = 0;
    let hi = byOrdinal.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const p = picked[byOrdinal[mid]!]!;
      if (p.ordinal < neighbour) lo = mid + 1;
      else if (p.ordinal > neighbour) hi = mid - 1;
      else {
        p.count++;
        if (p.edge < 0 || edgeRank(g, e) < edgeRank(g, p.edge)) p.edge = e;
        return;
      }
    }
  });
  return { picked, total };
}

/** Calls `visit(neighbour, edge)` for every edge into (retainers) or out of (references) node `o`. */
function forEachEdge(g: HeapGraph, o: number, retainers: boolean, visit: (neighbour: number, edge: number) => void): void {
  if (retainers) {
    const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
    for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) visit(retainingNode[r]!, retainingEdge[r]!);
  } else {
    const { firstEdgeIndex, edgeToOrdinal } = g;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) visit(edgeToOrdinal[e]!, e);
  }
}

/** Whether an edge between `o` and `neighbour` is drawn at all under the filter. */
function countsEdge(g: HeapGraph, filter: NeighbourFilter): (neighbour: number, edge: number, o: number) => boolean {
  const weak = g.edgeTypeId.weak;
  const { edgeType, nodeType } = g;
  const hideBuiltins = filter.direction === 'references' && !filter.includeBuiltins;
  const t = g.nodeTypeId;
  const proto = g.strings.indexOf('__proto__');
  const map = g.strings.indexOf('map');
  const { property, internal } = g.edgeTypeId;
  const { edgeNameOrIndex } = g;
  return (neighbour, e, o) => {
    if (neighbour === o) return false;
    if (!filter.includeWeak && edgeType[e] === weak) return false;
    if (!hideBuiltins) return true;
    const type = nodeType[neighbour];
    if (type === t.hidden || type === t.code || type === t.objectShape) return false;
    const name = edgeNameOrIndex[e];
    return !((edgeType[e] === property && name === proto) || (edgeType[e] === internal && name === map));
  };
}

/**
 * The best `capacity` of a stream of candidates: a max-heap on (weak-only, key, order) whose root
 * is the worst kept, replaced whenever a better one comes. Typed arrays of `capacity` entries;
 * log(capacity) per offer, nothing allocated.
 */
class BoundedPicks {
  private readonly ordinal: Uint32Array;
  private readonly weak: Uint8Array;
  private readonly key: Float64Array;
  private readonly order: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.ordinal = new Uint32Array(capacity);
    this.weak = new Uint8Array(capacity);
    this.key = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
  }

  offer(ordinal: number, weak: number, key: number, order: number): void {
    if (this.size < this.capacity) {
      this.set(this.size, ordinal, weak, key, order);
      this.siftUp(this.size++);
    } else if (this.capacity > 0 && this.ranksAfter(0, weak, key, order)) {
      this.set(0, ordinal, weak, key, order);
      this.siftDown(0);
    }
  }

  /** Best first. */
  sorted(): number[] {
    const slots = Array.from({ length: this.size }, (_, i) => i);
    slots.sort((a, b) => (this.ranksAfter(a, this.weak[b]!, this.key[b]!, this.order[b]!) ? 1 : -1));
    return slots.map((i) => this.ordinal[i]!);
  }

  /** Slot `i` ranks after the candidate (weak, key, order). */
  private ranksAfter(i: number, weak: number, key: number, order: number): boolean {
    if (this.weak[i] !== weak) return this.weak[i]! > weak;
    if (this.key[i] !== key) return this.key[i]! > key;
    return this.order[i]! > order;
  }

  private set(i: number, ordinal: number, weak: number, key: number, order: number): void {
    this.ordinal[i] = ordinal;
    this.weak[i] = weak;
    this.key[i] = key;
    this.order[i] = order;
  }

  private worse(a: number, b: number): boolean {
    return this.ranksAfter(a, this.weak[b]!, this.key[b]!, this.order[b]!);
  }

  private swap(a: number, b: number): void {
    const { ordinal, weak, key, order } = this;
    const o = ordinal[a]!;
    const w = weak[a]!;
    const k = key[a]!;
    const n = order[a]!;
    this.set(a, ordinal[b]!, weak[b]!, key[b]!, order[b]!);
    this.set(b, o, w, k, n);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
