// The heap as plain columns: what a parser produces and what HeapGraph is built from. Typed
// arrays indexed by node ordinal or edge index; nothing here knows about files or threads.

/** Columns of the node table, one entry per node ordinal. */
export interface NodeColumns {
  nodeType: Uint8Array;
  nodeNameIndex: Uint32Array;
  nodeId: Uint32Array;
  nodeSelfSize: Uint32Array | Float64Array;
  /** nodeCount + 1 entries: node o's edges are [firstEdgeIndex[o], firstEdgeIndex[o + 1]). */
  firstEdgeIndex: Uint32Array;
  /** Empty when the snapshot has no detachedness field. */
  detachedness: Uint8Array;
}

/** Columns of the edge table, one entry per edge index (edges grouped by source node). */
export interface EdgeColumns {
  edgeType: Uint8Array;
  /** A string index, or the element/hidden index for edges of those types. */
  edgeNameOrIndex: Uint32Array;
  /** Target node ordinal (the file's to_node divided by the node field count). */
  edgeToOrdinal: Uint32Array;
}

/** Constructor/function source positions, one row per located node (0-based line/column). */
export interface LocationColumns {
  count: number;
  ordinal: Uint32Array;
  scriptId: Uint32Array;
  line: Uint32Array;
  column: Uint32Array;
}

/** The reverse index's two arrays (see retainer-fill.ts). */
export interface RetainerArrays {
  /** nodeCount + 1 entries: node o's retainers are slots [first[o], first[o + 1]). */
  first: Uint32Array;
  /** The retaining node of each slot. */
  node: Uint32Array;
}

/** Everything a HeapGraph is made of. Type lists are indexed by the type columns' values. */
export interface GraphData {
  nodeTypes: string[];
  edgeTypes: string[];
  strings: string[];
  nodes: NodeColumns;
  edges: EdgeColumns;
  locations?: LocationColumns | null;
  rootOrdinal?: number;
  /** DevTools adds these to the total size (default 0). */
  extraNativeBytes?: number;
  /** A retainer index built elsewhere (during the parse), in place of building it on first use. */
  retainers?: RetainerArrays;
}
