// Shared-memory contract between the main parser and the edge tail worker (see edge-split.ts).
import { writeSync } from 'node:fs';
import type { EdgeColumns } from './edge-array-parser.js';
import type { SnapshotLayout } from './header.js';
import type { RetainerArrays } from '../graph/retainer-fill.js';

/** HEAPDIFF_DEBUG_SPLIT=1 prints when each side reaches each step (to tune the split). */
export const debugSplit = process.env.HEAPDIFF_DEBUG_SPLIT
  ? (what: string): void => void writeSync(2, `edge split: ${what} at ${Math.round(performance.timeOrigin + performance.now()) % 100_000} ms\n`)
  : (): void => {};

/** Int32 control slots. */
export const CTL_STATUS = 0;
export const CTL_ABORT = 1;
/** Set by the main thread once its part of the edges array is in the columns. */
export const CTL_EDGES_DONE = 2;
/** Set by the worker once it has filled the retainer index. */
export const CTL_RETAINERS = 3;
/** The worker's state once the parse is over (graph/idle-worker.ts). */
export const CTL_IDLE = 4;
export const CTL_SLOTS = 5;

export const STATUS_RUNNING = 0;
/** The tail is parsed; the result slots are valid. */
export const STATUS_DONE = 1;
/** The worker found no usable split (unexpected layout, truncated file): main parses everything. */
export const STATUS_NO_SPLIT = 2;
/** The tail did not parse cleanly: main re-parses sequentially to report the first error. */
export const STATUS_PROBLEM = 3;

/** Float64 result slots (offsets can exceed 2^31). */
export const RES_OPEN = 0; // offset of the edges array's '[' if the tail reached it, else -1
export const RES_CLOSE = 1; // offset of its ']'
export const RES_STOP = 2; // separator after which the tail starts, -1 when the tail is empty
export const RES_COUNT = 3; // numbers in the tail
export const RES_MAX_NAME = 4;
export const RES_MAX_NAME_OFFSET = 5;
export const RES_SLOTS = 6;

/** Block claims: 0 free, 1 main, 2 worker. Blocks are absolute file ranges of blockBytes. */
export const OWNER_MAIN = 1;
export const OWNER_WORKER = 2;

export interface EdgeTailJob {
  path: string;
  /** Offset just after the "snapshot" header value; the nodes and edges arrays follow. */
  headerEnd: number;
  blockBytes: number;
  layout: SnapshotLayout;
  control: SharedArrayBuffer;
  results: SharedArrayBuffer;
  claims: SharedArrayBuffer;
  columns: EdgeColumns;
  /** Filled by the main thread's node parser; the worker reads it to build the retainer index. */
  firstEdgeIndex: Uint32Array;
  retainers: RetainerArrays;
}
