import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeapGraph } from '../graph/heap-graph.js';
import {
  DEFAULT_BLOCK_EDGES, STAGE_DISTANCES, STAGE_DONE, STAGE_DONE_BY_MAIN, STAGE_FAILED, STAGE_IDLE, STAGE_PAGE, STAGE_RUNNING, STAGE_SLOTS, STAGE_TAKEN, STAGES,
  computeEssentialBlock, computeStage, type AnalysisJob,
} from './analysis-job.js';
import { columnsOf, sharedFacts, type StringFacts } from './graph-columns.js';
import { UNINITIALIZED, type ScratchPool } from './scratch-pool.js';

const WORKER_URL = new URL('./analysis-worker.js', import.meta.url);

/** Below this many nodes the work takes about as long as starting a worker. */
export const DEFAULT_HELPER_MIN_NODES = 400_000;

const isShared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * A second thread for the analysis: it marks page objects and starts on the essential edges while
 * this thread transfers shallow sizes (this thread then takes essential-edge blocks too), then turns
 * those bits into retainer-slot bits and computes distances while this thread computes dominators
 * (they share nothing but the read-only graph). Synchronous on both ends: the analysis waits with
 * Atomics.wait, and takes a stage or block back if the worker has not started it by then.
 */
export class AnalysisHelper {
  /** Which thread computed each stage, once it is settled (for tests). */
  readonly computedBy: ('worker' | 'main' | null)[] = Array.from({ length: STAGES }, () => null);
  /** Essential-edge blocks each thread computed (for tests). */
  readonly blocksBy = { worker: 0, main: 0 };
  private readonly control: Int32Array;
  private readonly blocks: Int32Array;

  private constructor(
    readonly job: AnalysisJob,
    private readonly pool: ScratchPool,
  ) {
    this.control = new Int32Array(job.control);
    this.blocks = new Int32Array(job.blocks);
  }

  /**
   * Starts the worker, or returns null when the graph is small or not in shared memory.
   * `blockEdges` (a multiple of 32) sizes the essential-edge blocks; tests make them small.
   */
  static start(
    g: HeapGraph, facts: StringFacts, pool: ScratchPool, minNodes = DEFAULT_HELPER_MIN_NODES, blockEdges = DEFAULT_BLOCK_EDGES,
  ): AnalysisHelper | null {
    const n = g.nodeCount;
    if (n < minNodes) return null;
    const graph = columnsOf(g);
    const { firstRetainerIndex } = g.getRetainers();
    const columns = [graph.firstEdgeIndex, graph.edgeType, graph.edgeToOrdinal, graph.edgeNameOrIndex, graph.nodeType, graph.nodeNameIndex, graph.nodeId, firstRetainerIndex];
    if (!columns.every(isShared)) return null;
    if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return null; // running from sources
    const distances = pool.takeShared(n);
    const job: AnalysisJob = {
      graph,
      facts: sharedFacts(facts),
      pageObject: new Uint8Array(new SharedArrayBuffer(n)),
      pageStack: pool.takeShared(n + 1),
      essential: new Uint32Array(new SharedArrayBuffer(Math.ceil(g.edgeCount / 32) * 4)),
      blockEdges,
      blocks: new SharedArrayBuffer(Math.max(1, Math.ceil(g.edgeCount / blockEdges)) * 4),
      firstRetainerIndex,
      slots: new Uint32Array(new SharedArrayBuffer(Math.ceil(g.edgeCount / 32) * 4)),
      distances: new Int32Array(distances.buffer, distances.byteOffset, n),
      queue: pool.takeShared(n),
      control: new SharedArrayBuffer(STAGES * 4),
    };
    const helper = new AnalysisHelper(job, pool);
    // The parse's edge worker, if still there, saves starting one (and its memory).
    const idle = g.claimIdleWorker();
    try {
      if (idle) {
        idle.postMessage(job);
      } else {
        const worker = new Worker(WORKER_URL, { workerData: job });
        worker.unref();
        worker.on('error', () => {}); // a worker that fails leaves its stages IDLE or FAILED: settle() copes
      }
    } catch {
      // settle() computes every stage here.
    }
    return helper;
  }

  /**
   * Page objects and essential edges: waits for the worker's page objects (or marks them here),
   * then computes essential-edge blocks from the first up while the worker goes down from the last.
   */
  prep(startTimeoutMs = 0, blockTimeoutMs = startTimeoutMs): { pageObject: Uint8Array; essential: Uint32Array } {
    const { job } = this;
    this.computedBy[STAGE_PAGE] = this.settle(this.control, STAGE_PAGE, startTimeoutMs, () => {
      job.pageObject.fill(0); // a failed worker may have written part of them
      computeStage(job, STAGE_PAGE, job.pageStack);
    });
    this.pool.give(job.pageStack);
    const words = job.blockEdges / 32;
    for (let b = 0; b < this.blocks.length; b++) {
      const by = this.settle(this.blocks, b, blockTimeoutMs, () => {
        job.essential.fill(0, b * words, (b + 1) * words);
        computeEssentialBlock(job, b);
      });
      this.blocksBy[by]++;
    }
    return { pageObject: job.pageObject, essential: job.essential };
  }

  /** The essential bits by retainer slot (see slot-bits.ts). */
  slots(startTimeoutMs = 0): Uint32Array {
    const { job } = this;
    this.computedBy[STAGE_SLOTS] = this.settle(this.control, STAGE_SLOTS, startTimeoutMs, () => {
      job.slots.fill(0);
      const fill = this.pool.take(job.graph.nodeCount, UNINITIALIZED);
      computeStage(job, STAGE_SLOTS, fill);
      this.pool.give(fill);
    });
    return job.slots;
  }

  distances(startTimeoutMs = 0): Int32Array {
    const { job } = this;
    this.computedBy[STAGE_DISTANCES] = this.settle(this.control, STAGE_DISTANCES, startTimeoutMs, () => computeStage(job, STAGE_DISTANCES, job.queue));
    this.pool.give(job.queue);
    return job.distances;
  }

  /**
   * Waits for a stage or block the worker is running, or computes it here if the worker has not
   * started it (or failed). Tests pass `startTimeoutMs` to give the worker that time to start.
   */
  private settle(control: Int32Array, index: number, startTimeoutMs: number, compute: () => void): 'worker' | 'main' {
    if (startTimeoutMs > 0) Atomics.wait(control, index, STAGE_IDLE, startTimeoutMs);
    let state = Atomics.compareExchange(control, index, STAGE_IDLE, STAGE_TAKEN);
    while (state === STAGE_RUNNING) {
      Atomics.wait(control, index, STAGE_RUNNING);
      state = Atomics.load(control, index);
    }
    if (state === STAGE_DONE) return 'worker';
    if (state === STAGE_FAILED) Atomics.store(control, index, STAGE_TAKEN);
    compute();
    // The worker waits for page objects and blocks this thread took before it reads them.
    Atomics.store(control, index, STAGE_DONE_BY_MAIN);
    Atomics.notify(control, index);
    return 'main';
  }
}
