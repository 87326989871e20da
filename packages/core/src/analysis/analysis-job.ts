// The part of the analysis a second thread takes while the main thread goes on (see
// analysis-helper.ts): page objects and essential edges first, which the dominators need, then
// those bits by retainer slot, needed once the dominators' DFS is done, then distances, needed
// last. Each stage is claimed by compare-and-swap, so whichever
// thread gets to it first computes it; the worker never blocks the main thread's progress.
import { computeDistanceColumns } from './distance-bfs.js';
import { computeEssentialEdges } from './essential-edges.js';
import type { GraphColumns, StringFacts } from './graph-columns.js';
import { markPageObjects } from './page-objects.js';
import { essentialSlotBits } from './slot-bits.js';

export const STAGE_PREP = 0;
export const STAGE_SLOTS = 1;
export const STAGE_DISTANCES = 2;
export const STAGES = 3;

/** States of a stage's control slot. */
export const STAGE_IDLE = 0;
export const STAGE_RUNNING = 1;
export const STAGE_DONE = 2;
export const STAGE_FAILED = 3;
/** The main thread got there before a worker started the stage: it computes it itself. */
export const STAGE_TAKEN = 4;

export interface AnalysisJob {
  /** Every array below lives in shared memory. */
  graph: GraphColumns;
  facts: StringFacts;
  pageObject: Uint8Array;
  /** nodeCount + 1 entries of scratch for the page-object walk. */
  pageStack: Uint32Array;
  /** One bit per edge. */
  essential: Uint32Array;
  firstRetainerIndex: Uint32Array;
  /** One bit per retainer slot. */
  slots: Uint32Array;
  distances: Int32Array;
  queue: Uint32Array;
  /** One Int32 state per stage. */
  control: SharedArrayBuffer;
}

/**
 * `fill` is node-sized scratch for the slot stage: the worker lends it the distances' queue (it
 * runs the stages in order); the main thread brings its own, since a worker may be running the
 * distances by then.
 */
export function computeStage(job: AnalysisJob, stage: number, fill: Uint32Array): void {
  if (stage === STAGE_PREP) {
    markPageObjects(job.graph, job.facts, job.pageObject, job.pageStack);
    computeEssentialEdges(job.graph, job.facts, job.pageObject, job.essential);
  } else if (stage === STAGE_SLOTS) {
    essentialSlotBits(job.graph, job.firstRetainerIndex, job.essential, fill, job.slots);
  } else {
    computeDistanceColumns(job.graph, job.facts, job.distances, job.queue);
  }
}

/** Runs each stage the main thread has not taken back (worker side). */
export function runAnalysisJob(job: AnalysisJob): void {
  const control = new Int32Array(job.control);
  for (let stage = 0; stage < STAGES; stage++) {
    if (Atomics.compareExchange(control, stage, STAGE_IDLE, STAGE_RUNNING) !== STAGE_IDLE) continue;
    let state = STAGE_FAILED;
    try {
      computeStage(job, stage, job.queue);
      state = STAGE_DONE;
    } finally {
      Atomics.store(control, stage, state);
      Atomics.notify(control, stage);
    }
  }
}
