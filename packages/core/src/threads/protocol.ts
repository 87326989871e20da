// How heapdiff's threads work together. This file is the whole contract; docs/architecture.md
// draws it.
//
// There is one worker entry (worker.ts). It is started with a job (`workerData`) and runs it; a
// worker whose job says so then waits a moment as a spare for one more job, posted to it.
//
// Jobs talk through shared memory only, except an ids job, which posts its result back:
//   edge-tail  parses the edges array from its end while the main thread parses from its start,
//              then builds the retainer index and becomes a spare (edge-split.ts, edge-tail-job.ts)
//   analysis   page objects, essential edges, their retainer-slot bits and distances while the
//              main thread transfers sizes and computes dominators (threaded-stages.ts, analysis-job.ts)
//   ids        reads the ids of a snapshot and posts their index (ids-in-background.ts, ids-job.ts)
//
// Shared control words are Int32 slots, each a small state machine moved by compare-and-swap.
// Whoever waits uses Atomics.wait (a worker, or the analysis, which is synchronous) or
// Atomics.waitAsync (the parse, which reads the file meanwhile). Nothing a worker computes is
// trusted unseen: the parse checks the split on join, and every analysis task the worker has not
// started is taken back by the main thread.
import type { GraphColumns } from '../graph/column-view.js';
import type { EdgeColumns, RetainerArrays } from '../graph/columns.js';
import type { IdIndexParts } from '../graph/id-index.js';
import type { SnapshotWarning } from '../errors/errors.js';
import type { SnapshotLayout } from '../parse/header.js';
import type { StringFacts } from '../algorithms/string-facts.js';

// ── Edge split: control slots ────────────────────────────────────────────────────────────────
/** The worker's parse status (STATUS_*). */
export const CTL_STATUS = 0;
/** Set by the main thread: stop now (it has an error to report, or gave up on the split). */
export const CTL_ABORT = 1;
/** Set by the main thread once its part of the edges array is in the columns. */
export const CTL_EDGES_DONE = 2;
/** Set by the worker once it has filled the retainer index. */
export const CTL_RETAINERS = 3;
/** The worker's spare state once the parse is over (SPARE_*). */
export const CTL_SPARE = 4;
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

// ── Spare worker: CTL_SPARE ──────────────────────────────────────────────────────────────────
export const SPARE_NOT_YET = 0;
/** Waiting for a job; the main thread may claim it. */
export const SPARE_WAITING = 1;
/** Gave up waiting and exited: a job posted now would be lost. */
export const SPARE_GONE = 2;
/** Claimed: a job is on its way, and the worker waits for it however long it takes. */
export const SPARE_CLAIMED = 3;

// ── Analysis: one Int32 state per stage and per essential-edge block ─────────────────────────
export const STAGE_PAGE = 0;
export const STAGE_SLOTS = 1;
export const STAGE_DISTANCES = 2;
export const STAGES = 3;

export const TASK_OPEN = 0;
export const TASK_RUNNING = 1;
export const TASK_DONE = 2;
export const TASK_FAILED = 3;
/** The main thread got there before the worker started the task: it computes it itself. */
export const TASK_TAKEN = 4;
/** The main thread finished a task it took (the worker may wait for this one). */
export const TASK_DONE_BY_MAIN = 5;

/** Essential-edge blocks are whole 32-bit words of the bit set, so no two threads share a word. */
export const DEFAULT_BLOCK_EDGES = 1 << 19;

// ── Jobs ─────────────────────────────────────────────────────────────────────────────────────
export interface EdgeTailJob {
  kind: 'edge-tail';
  path: string;
  /** Offset just after the "snapshot" header value; the nodes and edges arrays follow. */
  headerEnd: number;
  blockBytes: number;
  layout: SnapshotLayout;
  /** CTL_SLOTS Int32 slots. */
  control: SharedArrayBuffer;
  /** RES_SLOTS Float64 slots. */
  results: SharedArrayBuffer;
  /** One Int32 owner per block. */
  claims: SharedArrayBuffer;
  columns: EdgeColumns;
  /** Filled by the main thread's node parser; the worker reads it to build the retainer index. */
  firstEdgeIndex: Uint32Array;
  retainers: RetainerArrays;
  /** How long the worker stays a spare after the parse. */
  spareMs: number;
  debug: boolean;
}

export interface AnalysisJob {
  kind: 'analysis';
  /** Every array below lives in shared memory. */
  graph: GraphColumns;
  facts: StringFacts;
  pageObject: Uint8Array;
  /** nodeCount + 1 entries of scratch for the page-object walk. */
  pageStack: Uint32Array;
  /** One bit per edge. */
  essential: Uint32Array;
  /** Edges per essential-edge block (a multiple of 32). */
  blockEdges: number;
  /** One task state per essential-edge block. */
  blocks: SharedArrayBuffer;
  firstRetainerIndex: Uint32Array;
  /** One bit per retainer slot. */
  slots: Uint32Array;
  distances: Int32Array;
  queue: Uint32Array;
  /** One task state per stage. */
  control: SharedArrayBuffer;
}

export interface IdsJob {
  kind: 'ids';
  path: string;
}

export type Job = EdgeTailJob | AnalysisJob | IdsJob;

/** What an ids job posts back. */
export type IdsReply =
  | ({ ok: true; warnings: SnapshotWarning[] } & IdIndexParts)
  | { ok: false; kind: 'snapshot'; code: string; message: string; offset: number; file: string | undefined }
  | { ok: false; kind: 'file'; file: string; message: string }
  | { ok: false; kind: 'other'; message: string };
