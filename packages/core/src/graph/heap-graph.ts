import type { GraphData, LocationColumns, RetainerArrays } from './columns.js';
import { IdIndex } from './id-index.js';
import { fillRetainers } from './retainer-fill.js';

/** Node type ids resolved by name (-1 where an older snapshot lacks the type). */
export interface NodeTypeIds {
  hidden: number;
  array: number;
  string: number;
  object: number;
  code: number;
  closure: number;
  regexp: number;
  number: number;
  native: number;
  synthetic: number;
  concatenatedString: number;
  slicedString: number;
  symbol: number;
  bigint: number;
  objectShape: number;
}

export interface EdgeTypeIds {
  context: number;
  element: number;
  property: number;
  internal: number;
  hidden: number;
  shortcut: number;
  weak: number;
}

/**
 * The whole heap as columns indexed by node ordinal and edge index. Nothing here allocates per
 * node; accessors exist for cold paths (output, tests), hot loops read the arrays directly.
 */
export class HeapGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly rootOrdinal: number;
  readonly strings: string[];
  readonly nodeTypes: string[];
  readonly edgeTypes: string[];
  readonly nodeType: Uint8Array;
  readonly nodeNameIndex: Uint32Array;
  readonly nodeId: Uint32Array;
  /** Raw self_size from the file (before DevTools' shallow-size transfer). */
  readonly nodeSelfSize: Uint32Array | Float64Array;
  /** nodeCount + 1 entries: node o's edges are [firstEdgeIndex[o], firstEdgeIndex[o + 1]). */
  readonly firstEdgeIndex: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeNameOrIndex: Uint32Array;
  readonly edgeToOrdinal: Uint32Array;
  /** Per node 0 unknown, 1 attached, 2 detached; empty if the snapshot has no such field. */
  readonly detachedness: Uint8Array;
  readonly locations: LocationColumns | null;
  readonly extraNativeBytes: number;
  readonly nodeTypeId: NodeTypeIds;
  readonly edgeTypeId: EdgeTypeIds;
  private retainers: Retainers | null = null;
  private idIndex: IdIndex | null = null;

  constructor(data: GraphData) {
    const { nodes, edges } = data;
    this.nodeCount = nodes.nodeType.length;
    this.edgeCount = edges.edgeType.length;
    // A parse on two threads builds the retainer index while the strings are being read.
    if (data.retainers) this.retainers = new RetainerIndex(this, data.retainers);
    this.rootOrdinal = data.rootOrdinal ?? 0;
    this.strings = data.strings;
    this.nodeTypes = data.nodeTypes;
    this.edgeTypes = data.edgeTypes;
    this.nodeType = nodes.nodeType;
    this.nodeNameIndex = nodes.nodeNameIndex;
    this.nodeId = nodes.nodeId;
    this.nodeSelfSize = nodes.nodeSelfSize;
    this.firstEdgeIndex = nodes.firstEdgeIndex;
    this.detachedness = nodes.detachedness;
    this.edgeType = edges.edgeType;
    this.edgeNameOrIndex = edges.edgeNameOrIndex;
    this.edgeToOrdinal = edges.edgeToOrdinal;
    this.locations = data.locations && data.locations.count > 0 ? data.locations : null;
    this.extraNativeBytes = data.extraNativeBytes ?? 0;
    const n = (name: string): number => data.nodeTypes.indexOf(name);
    this.nodeTypeId = {
      hidden: n('hidden'), array: n('array'), string: n('string'), object: n('object'), code: n('code'),
      closure: n('closure'), regexp: n('regexp'), number: n('number'), native: n('native'),
      synthetic: n('synthetic'), concatenatedString: n('concatenated string'), slicedString: n('sliced string'),
      symbol: n('symbol'), bigint: n('bigint'), objectShape: n('object shape'),
    };
    const e = (name: string): number => data.edgeTypes.indexOf(name);
    this.edgeTypeId = {
      context: e('context'), element: e('element'), property: e('property'), internal: e('internal'),
      hidden: e('hidden'), shortcut: e('shortcut'), weak: e('weak'),
    };
  }

  nodeTypeName(ordinal: number): string {
    return this.nodeTypes[this.nodeType[ordinal]!]!;
  }

  nodeName(ordinal: number): string {
    return this.strings[this.nodeNameIndex[ordinal]!]!;
  }

  edgeTypeName(edge: number): string {
    return this.edgeTypes[this.edgeType[edge]!]!;
  }

  /** True for edges whose name_or_index is a number rather than a string index. */
  edgeHasIndex(edge: number): boolean {
    const type = this.edgeType[edge];
    return type === this.edgeTypeId.element || type === this.edgeTypeId.hidden;
  }

  edgeName(edge: number): string {
    const value = this.edgeNameOrIndex[edge]!;
    return this.edgeHasIndex(edge) ? String(value) : this.strings[value]!;
  }

  /** Reverse adjacency (built on first use): who points at each node, over which edge. */
  getRetainers(): Retainers {
    this.retainers ??= new RetainerIndex(this);
    return this.retainers;
  }

  /** Node ordinal for a snapshot object id, or -1. */
  ordinalOfId(id: number): number {
    this.idIndex ??= new IdIndex(this.nodeId);
    return this.idIndex.get(id);
  }
}

/** Reverse CSR: node o's retainers are slots [firstRetainerIndex[o], firstRetainerIndex[o + 1]). */
export interface Retainers {
  /** nodeCount + 1 entries. */
  readonly firstRetainerIndex: Uint32Array;
  readonly retainingNode: Uint32Array;
  /**
   * The edge of each slot, built on first use: the dominator pass needs only nodes, and the
   * extra 4 bytes per edge are the largest single allocation a summary would otherwise make.
   */
  readonly retainingEdge: Uint32Array;
}

class RetainerIndex implements Retainers {
  readonly firstRetainerIndex: Uint32Array;
  readonly retainingNode: Uint32Array;
  private edges: Uint32Array | null = null;

  constructor(private readonly g: HeapGraph, built?: RetainerArrays) {
    // Shared memory, so a helper thread of the analysis can read it.
    const arrays = built ?? {
      first: new Uint32Array(new SharedArrayBuffer((g.nodeCount + 1) * 4)),
      node: new Uint32Array(new SharedArrayBuffer(g.edgeCount * 4)),
    };
    if (!built) fillRetainers(g.firstEdgeIndex, g.edgeToOrdinal, g.nodeCount, arrays);
    this.firstRetainerIndex = arrays.first;
    this.retainingNode = arrays.node;
  }

  get retainingEdge(): Uint32Array {
    if (this.edges === null) {
      const edges = new Uint32Array(this.g.edgeCount);
      forEachRetainerSlot(this.g, this.firstRetainerIndex, (slot, e) => {
        edges[slot] = e;
      });
      this.edges = edges;
    }
    return this.edges;
  }
}

/**
 * Calls visit(slot, edge) for every edge, with the retainer slot the reverse index gave it: a
 * per-edge property can be laid out by slot without storing edge numbers per slot.
 */
export function forEachRetainerSlot(g: HeapGraph, firstRetainerIndex: Uint32Array, visit: (slot: number, edge: number) => void): void {
  const { firstEdgeIndex, edgeToOrdinal } = g;
  const fill = firstRetainerIndex.slice(0, g.nodeCount);
  for (let o = 0, n = g.nodeCount; o < n; o++) {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) visit(fill[edgeToOrdinal[e]!]!++, e);
  }
}
