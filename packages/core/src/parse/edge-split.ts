// Parses the edges array — over half of a snapshot's bytes — from both ends at once: the main
// thread's forward parser and a worker's backward parser claim fixed-size blocks from opposite
// ends and meet at a record boundary. Everything the worker does is checked on join; whenever its
// result does not fit exactly, the caller re-parses the file on one thread, so errors and results
// never depend on the split.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { allocateEdgeColumns, type EdgeArrayParser, type EdgeColumns, type EdgeSplitClaims } from './edge-array-parser.js';
import type { RetainerArrays } from '../graph/retainer-fill.js';
import {
  CTL_ABORT, CTL_EDGES_DONE, CTL_IDLE, CTL_RETAINERS, CTL_SLOTS, CTL_STATUS, OWNER_MAIN, RES_CLOSE, RES_COUNT, RES_MAX_NAME, RES_MAX_NAME_OFFSET, RES_OPEN, RES_SLOTS,
  RES_STOP, STATUS_DONE, STATUS_NO_SPLIT, STATUS_RUNNING, debugSplit, type EdgeTailJob,
} from './edge-split-shared.js';
import type { SnapshotLayout } from './header.js';
import { IdleWorker } from '../graph/idle-worker.js';

const WORKER_URL = new URL('./edge-tail-worker.js', import.meta.url);

export interface EdgeSplitOptions {
  /** Files smaller than this are parsed on one thread (a worker costs ~30 ms to start). */
  minBytes?: number;
  /** Claim granularity; small values exercise the hand-over in tests. */
  blockBytes?: number;
}

export const DEFAULT_SPLIT_MIN_BYTES = 32 << 20;
const DEFAULT_BLOCK_BYTES = 1 << 20;

/** Thrown when the split result cannot be trusted; the file is then parsed on one thread. */
export class EdgeSplitFallback extends Error {
  constructor(reason: string) {
    super(`edge split fell back: ${reason}`);
  }
}

/** Whether a file can be split: the compiled worker must exist (not when running from sources). */
export function canSplit(fileSize: number, options: EdgeSplitOptions): boolean {
  if (fileSize < (options.minBytes ?? DEFAULT_SPLIT_MIN_BYTES)) return false;
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

export class EdgeSplit implements EdgeSplitClaims {
  readonly columns: EdgeColumns;
  /** The node parser writes edge offsets here; the worker reads them for the retainer index. */
  readonly firstEdgeIndex: Uint32Array;
  private readonly retainers: RetainerArrays;
  readonly blockBytes: number;
  private readonly control: Int32Array;
  private readonly results: Float64Array;
  private readonly claims: Int32Array;
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, fileSize: number, headerEnd: number, private readonly layout: SnapshotLayout, options: EdgeSplitOptions) {
    this.blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
    this.columns = allocateEdgeColumns(layout.header.edge_count);
    const n = layout.header.node_count;
    this.firstEdgeIndex = new Uint32Array(new SharedArrayBuffer((n + 1) * 4));
    // Untouched pages cost nothing until the worker fills them.
    this.retainers = {
      first: new Uint32Array(new SharedArrayBuffer((n + 1) * 4)),
      node: new Uint32Array(new SharedArrayBuffer(layout.header.edge_count * 4)),
    };
    const control = new SharedArrayBuffer(CTL_SLOTS * 4);
    const results = new SharedArrayBuffer(RES_SLOTS * 8);
    const claims = new SharedArrayBuffer((Math.floor(fileSize / this.blockBytes) + 2) * 4);
    this.control = new Int32Array(control);
    this.results = new Float64Array(results);
    this.claims = new Int32Array(claims);
    const job: EdgeTailJob = {
      path, headerEnd, blockBytes: this.blockBytes, layout, control, results, claims, columns: this.columns,
      firstEdgeIndex: this.firstEdgeIndex, retainers: this.retainers,
    };
    debugSplit('spawning the worker');
    this.worker = new Worker(WORKER_URL, { workerData: job });
    this.worker.unref();
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.once('error', () => resolve());
    });
  }

  closeOffset(): number {
    return this.results[RES_CLOSE]!;
  }

  claim(block: number): boolean {
    return Atomics.compareExchange(this.claims, block, 0, OWNER_MAIN) === 0 || Atomics.load(this.claims, block) === OWNER_MAIN;
  }

  /** Resolves once the worker has stopped; a worker that died without a status counts as a problem. */
  async settle(): Promise<number> {
    const status = Atomics.load(this.control, CTL_STATUS);
    if (status !== STATUS_RUNNING) return status;
    await this.waitFor(CTL_STATUS, STATUS_RUNNING);
    return Atomics.load(this.control, CTL_STATUS);
  }

  /**
   * Waits until a control slot leaves `value` or the worker exits. A pending waitAsync does not
   * keep the event loop alive, so the (otherwise unref'd) worker is ref'd meanwhile: without it
   * Node would exit mid-await with code 13.
   */
  private async waitFor(slot: number, value: number): Promise<void> {
    const wait = Atomics.waitAsync(this.control, slot, value);
    if (!wait.async) return;
    this.worker.ref();
    try {
      await Promise.race([wait.value, this.exited]);
    } finally {
      this.worker.unref();
    }
  }

  /** Stops the worker early (the main thread already has an error to report). */
  abort(): void {
    Atomics.store(this.control, CTL_ABORT, 1);
    Atomics.notify(this.control, CTL_EDGES_DONE);
  }

  /** The main thread's part of the edges array is complete. */
  edgesDone(): void {
    Atomics.store(this.control, CTL_EDGES_DONE, 1);
    Atomics.notify(this.control, CTL_EDGES_DONE);
  }

  /** The retainer index if the worker built it (waiting for it if it is under way), else null. */
  async takeRetainers(): Promise<RetainerArrays | null> {
    if (Atomics.load(this.control, CTL_RETAINERS) === 0) await this.waitFor(CTL_RETAINERS, 0);
    return Atomics.load(this.control, CTL_RETAINERS) === 1 ? this.retainers : null;
  }

  /** The worker, once it has built the retainer index: it stays a moment for one more job. */
  idleWorker(): IdleWorker {
    return new IdleWorker(this.worker, this.control, CTL_IDLE);
  }

  /**
   * Checks that the two halves tile the array exactly and merges the worker's name bound into
   * the parser. Throws EdgeSplitFallback when they do not.
   */
  join(status: number, parser: EdgeArrayParser): void {
    const r = this.results;
    debugSplit(`joining: status ${status}, edges [${r[RES_OPEN]}, ${r[RES_CLOSE]}], hand-over at ${parser.stoppedAt}, tail numbers ${r[RES_COUNT]}`);
    if (status === STATUS_NO_SPLIT) {
      // The worker claimed nothing: the forward parser saw (and checked) the whole array.
      if (parser.stoppedAt !== -1) throw new EdgeSplitFallback('worker found no split after main stopped');
      return;
    }
    if (status !== STATUS_DONE) throw new EdgeSplitFallback('tail did not parse cleanly');
    if (r[RES_CLOSE] !== parser.endOffset) throw new EdgeSplitFallback('arrays end at different offsets');
    const total = this.layout.header.edge_count * this.layout.edgeFieldCount;
    if (parser.stoppedAt === -1) {
      // Main parsed to ']' and validated the count itself; the worker's blocks held no whole record.
      if (r[RES_COUNT] !== 0) throw new EdgeSplitFallback('both sides parsed the tail');
      return;
    }
    // The worker's stop is the array's '[' when it parsed everything, so this covers both cases.
    if (r[RES_STOP] !== parser.stoppedAt) throw new EdgeSplitFallback('hand-over offsets differ');
    if (parser.edge * this.layout.edgeFieldCount + r[RES_COUNT]! !== total) throw new EdgeSplitFallback('counts do not add up');
    if (r[RES_MAX_NAME]! > parser.maxNameIndex) {
      parser.maxNameIndex = r[RES_MAX_NAME]!;
      parser.maxNameOffset = r[RES_MAX_NAME_OFFSET]!;
    }
  }
}
