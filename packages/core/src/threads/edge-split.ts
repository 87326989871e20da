// Parses the edges array — over half of a snapshot's bytes — from both ends at once: the main
// thread's forward parser and a worker's backward parser claim fixed-size blocks from opposite
// ends and meet at a record boundary. Everything the worker does is checked on join; whenever its
// result does not fit exactly, the caller re-parses the file on one thread, so errors and results
// never depend on the split.
import type { Worker } from 'node:worker_threads';
import type { EdgeColumns, RetainerArrays } from '../graph/columns.js';
import { HeapSnapshotError } from '../errors/errors.js';
import { allocateEdgeColumns, type EdgeArrayParser } from '../parse/edge-array-parser.js';
import type { EdgeSplitter } from '../parse/edge-splitter.js';
import type { SnapshotLayout } from '../parse/header.js';
import type { SnapshotParser } from '../parse/snapshot-parser.js';
import type { SplitParse } from '../load/read-snapshot.js';
import {
  CTL_ABORT, CTL_EDGES_DONE, CTL_RETAINERS, CTL_SLOTS, CTL_STATUS, OWNER_MAIN, RES_CLOSE, RES_COUNT, RES_MAX_NAME, RES_MAX_NAME_OFFSET, RES_OPEN, RES_SLOTS,
  RES_STOP, STATUS_DONE, STATUS_NO_SPLIT, STATUS_RUNNING, type EdgeTailJob,
} from './protocol.js';
import { SpareWorker } from './spare-worker.js';
import { debugSplit, debugSplitEnabled, spawnWorker, workersAvailable } from './spawn.js';

export interface EdgeSplitOptions {
  /** Files smaller than this are parsed on one thread (a worker costs ~30 ms to start). */
  minBytes?: number;
  /** Claim granularity; small values exercise the hand-over in tests. */
  blockBytes?: number;
}

export const DEFAULT_SPLIT_MIN_BYTES = 32 << 20;
const DEFAULT_BLOCK_BYTES = 1 << 20;
/** How long the worker stays a spare after the parse, for the analysis that usually follows. */
const SPARE_MS = 2000;

/** Thrown when the split result cannot be trusted; the file is then parsed on one thread. */
export class EdgeSplitFallback extends Error {
  constructor(reason: string) {
    super(`edge split fell back: ${reason}`);
  }
}

/** Whether a file can be split: big enough, and workers can start. */
function canSplit(fileSize: number, options: EdgeSplitOptions): boolean {
  return fileSize >= (options.minBytes ?? DEFAULT_SPLIT_MIN_BYTES) && workersAvailable();
}

/** The split of one file's parse, as read-snapshot.ts drives it; keeps the worker as a spare afterwards. */
export class ParallelEdgeParse implements SplitParse {
  private split: EdgeSplit | null = null;
  private spareWorker: SpareWorker | null = null;

  constructor(private readonly path: string, private readonly fileSize: number, private readonly options: EdgeSplitOptions) {}

  /** A split for files that are worth it, or null. */
  static forFile(path: string, fileSize: number, options: EdgeSplitOptions): ParallelEdgeParse | null {
    return canSplit(fileSize, options) ? new ParallelEdgeParse(path, fileSize, options) : null;
  }

  begin(layout: SnapshotLayout, headerEnd: number): EdgeSplitter {
    this.split = new EdgeSplit(this.path, this.fileSize, headerEnd, layout, this.options);
    return this.split;
  }

  async complete(parser: SnapshotParser): Promise<RetainerArrays | null> {
    const split = this.split;
    if (!split) return null;
    split.debug('main read the whole file');
    const edges = parser.edgeParser;
    let retainers: RetainerArrays | null = null;
    if (edges) {
      split.join(await split.settle(), edges);
      retainers = await split.takeRetainers();
      if (retainers) this.spareWorker = split.spare();
    }
    split.abort(); // a no-op for a finished worker; frees one still waiting
    return retainers;
  }

  /**
   * An error from a split parse must be confirmed on one thread when the worker's part, which lies
   * between the hand-over and the main thread's error, may hold an earlier error.
   */
  async needsSequentialParse(parser: SnapshotParser, error: unknown): Promise<boolean> {
    const split = this.split;
    if (!split) return false;
    if (error instanceof EdgeSplitFallback) return true;
    const handedOver = (parser.edgeParser?.stoppedAt ?? -1) !== -1;
    if (!handedOver || !(error instanceof HeapSnapshotError)) return false;
    const status = await split.settle();
    try {
      // The worker's part may be clean yet not fit (a stray ']' ends the array early): the count
      // check the join does comes before the main thread's error in byte order.
      split.join(status, parser.edgeParser!);
      return false;
    } catch (joinError) {
      if (joinError instanceof EdgeSplitFallback) return true;
      throw joinError;
    }
  }

  abort(): void {
    this.split?.abort();
  }

  /** The worker, waiting a moment for one more job once it built the retainer index. */
  spare(): SpareWorker | null {
    return this.spareWorker;
  }
}

class EdgeSplit implements EdgeSplitter {
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
      kind: 'edge-tail', path, headerEnd, blockBytes: this.blockBytes, layout, control, results, claims, columns: this.columns,
      firstEdgeIndex: this.firstEdgeIndex, retainers: this.retainers, spareMs: SPARE_MS, debug: debugSplitEnabled,
    };
    this.debug('spawning the worker');
    this.worker = spawnWorker(job, { helper: true });
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
  spare(): SpareWorker {
    return new SpareWorker(this.worker, this.control);
  }

  debug(what: string): void {
    debugSplit(what);
  }

  /**
   * Checks that the two halves tile the array exactly and merges the worker's name bound into
   * the parser. Throws EdgeSplitFallback when they do not.
   */
  join(status: number, parser: EdgeArrayParser): void {
    const r = this.results;
    this.debug(`joining: status ${status}, edges [${r[RES_OPEN]}, ${r[RES_CLOSE]}], hand-over at ${parser.stoppedAt}, tail numbers ${r[RES_COUNT]}`);
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
