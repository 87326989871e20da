import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeapGraph } from '../graph/heap-graph.js';
import { computeDistanceColumns } from './distance-bfs.js';
import { distanceInputs } from './distances.js';
import { DISTANCE_DONE, DISTANCE_IDLE, DISTANCE_RUNNING, DISTANCE_TAKEN, type DistanceJob } from './distance-job.js';
import type { ScratchPool } from './scratch-pool.js';
import type { EphemeronNames } from './weakmap-edges.js';

const WORKER_URL = new URL('./distance-worker.js', import.meta.url);

/** Below this many nodes the BFS takes about as long as starting a worker. */
export const DEFAULT_DISTANCE_WORKER_MIN_NODES = 400_000;

const isShared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * Distances computed on a second thread while this one runs the dominator pipeline (they share
 * nothing but the read-only graph). Synchronous on both ends: the analysis waits with
 * Atomics.wait, and takes the work back if the worker has not started by then.
 */
export class DistanceWorker {
  /** Which thread computed the distances, once finish() returned (for tests). */
  computedBy: 'worker' | 'main' | null = null;

  private constructor(
    private readonly job: DistanceJob,
    private readonly control: Int32Array,
    private readonly pool: ScratchPool,
  ) {}

  /** Starts the worker, or returns null when the graph is small or not in shared memory. */
  static start(g: HeapGraph, ephemerons: EphemeronNames, pool: ScratchPool, minNodes = DEFAULT_DISTANCE_WORKER_MIN_NODES): DistanceWorker | null {
    const n = g.nodeCount;
    if (n < minNodes) return null;
    const columns = [g.firstEdgeIndex, g.edgeType, g.edgeToOrdinal, g.edgeNameOrIndex, g.nodeType, g.nodeNameIndex];
    if (!columns.every(isShared)) return null;
    if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return null; // running from sources
    const inputs = distanceInputs(g, ephemerons);
    const queue = pool.takeShared(n);
    const scratch = pool.takeShared(n);
    const distances = new Int32Array(scratch.buffer, scratch.byteOffset, n);
    // The small string-derived tables are copied into shared memory too: no cloning cost to speak of.
    const job: DistanceJob = {
      inputs: {
        ...inputs,
        numericNameIndex: shared(inputs.numericNameIndex),
        numericNameValue: shared(inputs.numericNameValue),
        ephemeronNameIndex: shared(inputs.ephemeronNameIndex),
        ephemeronPartId: shared(inputs.ephemeronPartId),
      },
      distances,
      queue,
      control: new SharedArrayBuffer(4),
    };
    const helper = new DistanceWorker(job, new Int32Array(job.control), pool);
    // The parse's edge worker, if still there, saves starting one (and its memory).
    const idle = g.claimIdleWorker();
    try {
      if (idle) {
        idle.postMessage(job);
      } else {
        const worker = new Worker(WORKER_URL, { workerData: job });
        worker.unref();
        worker.on('error', () => {}); // a worker that fails never leaves IDLE or ends FAILED: finish() copes
      }
    } catch {
      // finish() computes them here.
    }
    return helper;
  }

  /**
   * The distances, waiting for the worker if it is under way (or computing them here if it is
   * not). Tests pass `startTimeoutMs` to give a worker that time to start rather than racing it.
   */
  finish(startTimeoutMs = 0): Int32Array {
    const { control, job } = this;
    if (startTimeoutMs > 0) Atomics.wait(control, 0, DISTANCE_IDLE, startTimeoutMs);
    let state = Atomics.compareExchange(control, 0, DISTANCE_IDLE, DISTANCE_TAKEN);
    while (state === DISTANCE_RUNNING) {
      Atomics.wait(control, 0, DISTANCE_RUNNING);
      state = Atomics.load(control, 0);
    }
    this.computedBy = state === DISTANCE_DONE ? 'worker' : 'main';
    if (state !== DISTANCE_DONE) computeDistanceColumns(job.inputs, job.distances, job.queue);
    this.pool.give(job.queue);
    return job.distances;
  }
}

function shared<T extends Uint32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(Math.max(a.byteLength, 8)));
  copy.set(a as never);
  return copy.subarray(0, a.length) as T;
}
