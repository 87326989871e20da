import type { EdgeColumns, GraphData, LocationColumns, NodeColumns, RetainerArrays } from '../graph/columns.js';
import type { SnapshotLayout } from './header.js';

/** Everything the parser extracts: the columns a HeapGraph is built from, and the file's layout. */
export interface ParsedSnapshot extends GraphData {
  layout: SnapshotLayout;
  nodes: NodeColumns;
  edges: EdgeColumns;
  locations: LocationColumns | null;
  rootOrdinal: number;
  extraNativeBytes: number;
  /** The retainer index, when another thread built it during the parse. */
  retainers?: RetainerArrays;
  /** Decompressed bytes consumed. */
  byteLength: number;
}
