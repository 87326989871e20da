import type { IdleWorker } from '../graph/idle-worker.js';
import type { RetainerArrays } from '../graph/retainer-fill.js';
import type { EdgeColumns } from './edge-array-parser.js';
import type { SnapshotLayout } from './header.js';
import type { LocationColumns } from './location-array-parser.js';
import type { NodeColumns } from './node-array-parser.js';

/** Everything the parser extracts, before graph indexes are built. */
export interface ParsedSnapshot {
  layout: SnapshotLayout;
  nodes: NodeColumns;
  edges: EdgeColumns;
  locations: LocationColumns | null;
  strings: string[];
  /** The retainer index, when the edge worker built it during the parse. */
  retainers?: RetainerArrays;
  /** The edge worker, waiting a moment for the analysis to hand it the distances. */
  idleWorker?: IdleWorker;
  /** Decompressed bytes consumed. */
  byteLength: number;
}
