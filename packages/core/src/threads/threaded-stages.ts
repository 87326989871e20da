import { UNINITIALIZED } from '../algorithms/scratch-pool.js';
import { sharedFacts } from '../algorithms/string-facts.js';
import type { AnalysisStages, StageContext, StagesFactory } from '../analysis/stages.js';
import { inlineStages } from '../analysis/stages.js';
import { columnsOf } from '../graph/column-view.js';
import { computeEssentialBlock, computeStage } from './analysis-job.js';
import {
  DEFAULT_BLOCK_EDGES, STAGE_DISTANCES, STAGE_PAGE, STAGE_SLOTS, STAGES, TASK_DONE, TASK_DONE_BY_MAIN, TASK_FAILED, TASK_OPEN, TASK_RUNNING, TASK_TAKEN,
  type AnalysisJob,
} from './protocol.js';
import type { SpareWorker } from './spare-worker.js';
import { spawnWorker, workersAvailable } from './spawn.js';

/** Below this many nodes the work takes about as long as starting a worker. */
export const DEFAULT_HELPER_MIN_NODES = 400_000;

/** Which thread ran a task: what tests of the threading ask. */
export type TaskRunner = 'worker' | 'main';

export interface ThreadedStagesOptions {
  /** Graphs smaller than this run every stage on the analysing thread. */
  minNodes?: number;
  /** Edges per essential-edge block (a multiple of 32); tests make them small. */
  blockEdges?: number;
  /** How long the analysing thread lets a stage or block wait for the worker to start it (default 0: it takes it). */
  startTimeoutMs?: number;
  blockTimeoutMs?: number;
  /** Told who ran each stage and block. */
  observe?: (task: 'page' | 'slots' | 'distances' | 'block', by: TaskRunner) => void;
}

const isShared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/**
 * Stages on a second thread when the graph is big enough and its columns are in shared memory
 * (as loaded graphs' are); inline otherwise. `spare` is the parse's worker, if it is still waiting
 * for a job: handing it the analysis saves starting one (and its memory).
 */
export function threadedStages(spare: SpareWorker | null, options: ThreadedStagesOptions = {}): StagesFactory {
  return (context) => ThreadedStages.start(context, spare, options) ?? inlineStages(context);
}

/**
 * A second thread for the analysis: it marks page objects and starts on the essential edges while
 * this thread transfers shallow sizes (this thread then takes essential-edge blocks too), then turns
 * those bits into retainer-slot bits and computes distances while this thread computes dominators
 * (they share nothing but the read-only graph). Synchronous on both ends: the analysis waits with
 * Atomics.wait, and takes a stage or block back if the worker has not started it by then.
 */
export class ThreadedStages implements AnalysisStages {
  private readonly control: Int32Array;
  private readonly blocks: Int32Array;

  private constructor(
    private readonly job: AnalysisJob,
    private readonly context: StageContext,
    private readonly options: ThreadedStagesOptions,
  ) {
    this.control = new Int32Array(job.control);
    this.blocks = new Int32Array(job.blocks);
  }

  /** Starts the worker, or returns null when the graph is small or not in shared memory. */
  static start(context: StageContext, spare: SpareWorker | null, options: ThreadedStagesOptions = {}): ThreadedStages | null {
    const { graph: g, facts, pool } = context;
    const n = g.nodeCount;
    if (n < (options.minNodes ?? DEFAULT_HELPER_MIN_NODES) || !workersAvailable()) return null;
    const graph = columnsOf(g);
    const { firstRetainerIndex } = g.getRetainers();
    const columns = [graph.firstEdgeIndex, graph.edgeType, graph.edgeToOrdinal, graph.edgeNameOrIndex, graph.nodeType, graph.nodeNameIndex, graph.nodeId, firstRetainerIndex];
    if (!columns.every(isShared)) return null;
    const blockEdges = options.blockEdges ?? DEFAULT_BLOCK_EDGES;
    const distances = pool.takeShared(n);
    const job: AnalysisJob = {
      kind: 'analysis',
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
    try {
      if (!spare?.run(job)) {
        // A worker that fails leaves its tasks OPEN or FAILED: settle() copes.
        spawnWorker(job, { helper: true }).on('error', () => {});
      }
    } catch {
      // settle() computes every task here.
    }
    return new ThreadedStages(job, context, options);
  }

  /**
   * Waits for the worker's page objects (or marks them here), then computes essential-edge blocks
   * from the first up while the worker goes down from the last.
   */
  pageObjectsAndEssentialEdges(): { pageObject: Uint8Array; essential: Uint32Array } {
    const { job, options } = this;
    const start = options.startTimeoutMs ?? 0;
    this.settle('page', this.control, STAGE_PAGE, start, () => {
      job.pageObject.fill(0); // a failed worker may have written part of them
      computeStage(job, STAGE_PAGE, job.pageStack);
    });
    this.context.pool.give(job.pageStack);
    const words = job.blockEdges / 32;
    for (let b = 0; b < this.blocks.length; b++) {
      this.settle('block', this.blocks, b, options.blockTimeoutMs ?? start, () => {
        job.essential.fill(0, b * words, (b + 1) * words);
        computeEssentialBlock(job, b);
      });
    }
    return { pageObject: job.pageObject, essential: job.essential };
  }

  /** The essential bits by retainer slot (see algorithms/slot-bits.ts). */
  readonly slotBits = (): Uint32Array => {
    const { job } = this;
    this.settle('slots', this.control, STAGE_SLOTS, this.options.startTimeoutMs ?? 0, () => {
      job.slots.fill(0);
      const fill = this.context.pool.take(job.graph.nodeCount, UNINITIALIZED);
      computeStage(job, STAGE_SLOTS, fill);
      this.context.pool.give(fill);
    });
    return job.slots;
  };

  distances(): Int32Array {
    const { job } = this;
    this.settle('distances', this.control, STAGE_DISTANCES, this.options.startTimeoutMs ?? 0, () => computeStage(job, STAGE_DISTANCES, job.queue));
    this.context.pool.give(job.queue);
    return job.distances;
  }

  /** Waits for a task the worker is running, or computes it here if the worker has not started it (or failed). */
  private settle(task: 'page' | 'slots' | 'distances' | 'block', control: Int32Array, index: number, startTimeoutMs: number, compute: () => void): void {
    if (startTimeoutMs > 0) Atomics.wait(control, index, TASK_OPEN, startTimeoutMs);
    let state = Atomics.compareExchange(control, index, TASK_OPEN, TASK_TAKEN);
    while (state === TASK_RUNNING) {
      Atomics.wait(control, index, TASK_RUNNING);
      state = Atomics.load(control, index);
    }
    if (state === TASK_DONE) {
      this.options.observe?.(task, 'worker');
      return;
    }
    if (state === TASK_FAILED) Atomics.store(control, index, TASK_TAKEN);
    compute();
    // The worker waits for page objects and blocks this thread took before it reads them.
    Atomics.store(control, index, TASK_DONE_BY_MAIN);
    Atomics.notify(control, index);
    this.options.observe?.(task, 'main');
  }
}
