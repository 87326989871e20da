import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeapGraph } from '../graph/heap-graph.js';
import {
  STAGE_DISTANCES, STAGE_DONE, STAGE_IDLE, STAGE_PREP, STAGE_RUNNING, STAGE_SLOTS, STAGE_TAKEN, STAGES, computeStage, type AnalysisJob,
} from './analysis-job.js';
import { columnsOf, sharedFacts, type StringFacts } from './graph-columns.js';
import { UNINITIALIZED, type ScratchPool } from './scratch-pool.js';

const WORKER_URL = new URL('./analysis-worker.js', import.meta.url);

/** Below this many nodes the work takes about as long as starting a worker. */
export const DEFAULT_HELPER_MIN_NODES = 400_000;

const isShared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * A second thread for the analysis: it marks page objects and essential edges while this thread
 * transfers shallow sizes, then turns those bits into retainer-slot bits and computes distances
 * while this thread computes dominators (they share nothing but the read-only graph). Synchronous on both ends: the analysis waits with
 * Atomics.wait, and takes a stage back if the worker has not started it by then.
 */
export class AnalysisHelper {
  /** Which thread computed each stage, once it is settled (for tests). */
  readonly computedBy: ('worker' | 'main' | null)[] = Array.from({ length: STAGES }, () => null);
  private readonly control: Int32Array;

  private constructor(
    readonly job: AnalysisJob,
    private readonly pool: ScratchPool,
  ) {
    this.control = new Int32Array(job.control);
  }

  /** Starts the worker, or returns null when the graph is small or not in shared memory. */
  static start(g: HeapGraph, facts: StringFacts, pool: ScratchPool, minNodes = DEFAULT_HELPER_MIN_NODES): AnalysisHelper | null {
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

  /** Page objects and essential edges, from the worker or computed here. */
  prep(startTimeoutMs = 0): { pageObject: Uint8Array; essential: Uint32Array } {
    this.settle(STAGE_PREP, startTimeoutMs);
    this.pool.give(this.job.pageStack);
    return { pageObject: this.job.pageObject, essential: this.job.essential };
  }

  /** The essential bits by retainer slot (see slot-bits.ts). */
  slots(startTimeoutMs = 0): Uint32Array {
    this.settle(STAGE_SLOTS, startTimeoutMs);
    return this.job.slots;
  }

  distances(startTimeoutMs = 0): Int32Array {
    this.settle(STAGE_DISTANCES, startTimeoutMs);
    this.pool.give(this.job.queue);
    return this.job.distances;
  }

  /**
   * Waits for a stage the worker is running, or computes it here if the worker has not started it
   * (or failed). Tests pass `startTimeoutMs` to give the worker that time to start.
   */
  private settle(stage: number, startTimeoutMs: number): void {
    const { control, job } = this;
    if (startTimeoutMs > 0) Atomics.wait(control, stage, STAGE_IDLE, startTimeoutMs);
    let state = Atomics.compareExchange(control, stage, STAGE_IDLE, STAGE_TAKEN);
    while (state === STAGE_RUNNING) {
      Atomics.wait(control, stage, STAGE_RUNNING);
      state = Atomics.load(control, stage);
    }
    this.computedBy[stage] = state === STAGE_DONE ? 'worker' : 'main';
    if (state === STAGE_DONE) return;
    // A failed worker may have written part of them.
    if (stage === STAGE_PREP) {
      job.pageObject.fill(0);
      job.essential.fill(0);
    }
    if (stage === STAGE_SLOTS) job.slots.fill(0);
    const fill = stage === STAGE_SLOTS ? this.pool.take(job.graph.nodeCount, UNINITIALIZED) : job.queue;
    computeStage(job, stage, fill);
    if (stage === STAGE_SLOTS) this.pool.give(fill);
  }
}
