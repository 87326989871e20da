import type { EdgeColumns } from './edge-array-parser.js';
import type { SnapshotLayout } from './header.js';
import type { LocationColumns } from './location-sink.js';
import type { NodeColumns } from './node-sink.js';

/** Everything the parser extracts, before graph indexes are built. */
export interface ParsedSnapshot {
  layout: SnapshotLayout;
  nodes: NodeColumns;
  edges: EdgeColumns;
  locations: LocationColumns | null;
  strings: string[];
  /** Decompressed bytes consumed. */
  byteLength: number;
}
