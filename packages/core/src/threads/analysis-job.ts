// The part of the analysis a second thread takes while the main thread goes on (threaded-stages.ts):
// page objects first, then the essential edges, which the dominators need (in blocks that both
// threads take, the main thread once its shallow sizes are done), then those bits by retainer
// slot, needed once the dominators' DFS is done, then distances, needed last. Each stage and each
// block is claimed by compare-and-swap, so whichever thread gets to it first computes it; the
// worker never blocks the main thread's progress.
import { computeDistanceColumns } from '../algorithms/distance-bfs.js';
import { computeEssentialEdges } from '../algorithms/essential-edges.js';
import { markPageObjects } from '../algorithms/page-objects.js';
import { essentialSlotBits } from '../algorithms/slot-bits.js';
import {
  STAGE_DISTANCES, STAGE_PAGE, STAGE_SLOTS, TASK_DONE, TASK_DONE_BY_MAIN, TASK_FAILED, TASK_OPEN, TASK_RUNNING, TASK_TAKEN, type AnalysisJob,
} from './protocol.js';

/**
 * `fill` is node-sized scratch for the slot stage: the worker lends it the distances' queue (it
 * runs the stages in order); the main thread brings its own, since a worker may be running the
 * distances by then.
 */
export function computeStage(job: AnalysisJob, stage: number, fill: Uint32Array): void {
  if (stage === STAGE_PAGE) {
    markPageObjects(job.graph, job.facts, job.pageObject, job.pageStack);
  } else if (stage === STAGE_SLOTS) {
    essentialSlotBits(job.graph, job.firstRetainerIndex, job.essential, fill, job.slots);
  } else {
    computeDistanceColumns(job.graph, job.facts, job.distances, job.queue);
  }
}

/** The essential-edge bits of one block (its words are zero). */
export function computeEssentialBlock(job: AnalysisJob, block: number): void {
  const from = block * job.blockEdges;
  computeEssentialEdges(job.graph, job.facts, job.pageObject, job.essential, from, Math.min(job.graph.edgeCount, from + job.blockEdges));
}

/** Runs a claimed task, leaving DONE or FAILED (and waking a waiting thread). */
function runClaimed(control: Int32Array, index: number, work: () => void): void {
  let state = TASK_FAILED;
  try {
    work();
    state = TASK_DONE;
  } finally {
    Atomics.store(control, index, state);
    Atomics.notify(control, index);
  }
}

/** Waits while the main thread computes a task it took. */
function waitForMain(control: Int32Array, index: number): number {
  let state = Atomics.load(control, index);
  while (state === TASK_TAKEN) {
    Atomics.wait(control, index, TASK_TAKEN);
    state = Atomics.load(control, index);
  }
  return state;
}

const claim = (control: Int32Array, index: number): boolean => Atomics.compareExchange(control, index, TASK_OPEN, TASK_RUNNING) === TASK_OPEN;

/** Runs each stage and block the main thread has not taken (worker side). */
export function runAnalysisJob(job: AnalysisJob): void {
  const control = new Int32Array(job.control);
  const blocks = new Int32Array(job.blocks);
  if (claim(control, STAGE_PAGE)) {
    runClaimed(control, STAGE_PAGE, () => computeStage(job, STAGE_PAGE, job.queue));
  } else if (waitForMain(control, STAGE_PAGE) !== TASK_DONE_BY_MAIN) {
    return; // the main thread is marking page objects itself, which the blocks need
  }
  // From the last block down, while the main thread goes up: they meet in the middle.
  for (let b = blocks.length - 1; b >= 0; b--) {
    if (claim(blocks, b)) runClaimed(blocks, b, () => computeEssentialBlock(job, b));
  }
  // The slot bits read every block's bits.
  for (let b = 0; b < blocks.length; b++) {
    if (waitForMain(blocks, b) !== TASK_DONE_BY_MAIN && Atomics.load(blocks, b) !== TASK_DONE) return;
  }
  for (const stage of [STAGE_SLOTS, STAGE_DISTANCES]) {
    if (claim(control, stage)) runClaimed(control, stage, () => computeStage(job, stage, job.queue));
  }
}
