// The part of the analysis a second thread takes while the main thread goes on (see
// analysis-helper.ts): page objects first, then the essential edges, which the dominators need
// (in blocks that both threads take, the main thread once its shallow sizes are done), then those
// bits by retainer slot, needed once the dominators' DFS is done, then distances, needed last.
// Each stage and each block is claimed by compare-and-swap, so whichever thread gets to it first
// computes it; the worker never blocks the main thread's progress.
import { computeDistanceColumns } from './distance-bfs.js';
import { computeEssentialEdges } from './essential-edges.js';
import type { GraphColumns, StringFacts } from './graph-columns.js';
import { markPageObjects } from './page-objects.js';
import { essentialSlotBits } from './slot-bits.js';

export const STAGE_PAGE = 0;
export const STAGE_SLOTS = 1;
export const STAGE_DISTANCES = 2;
export const STAGES = 3;

/** States of a stage's or block's control slot. */
export const STAGE_IDLE = 0;
export const STAGE_RUNNING = 1;
export const STAGE_DONE = 2;
export const STAGE_FAILED = 3;
/** The main thread got there before a worker started the stage: it computes it itself. */
export const STAGE_TAKEN = 4;
/** The main thread finished a stage it took (the worker may wait for this one). */
export const STAGE_DONE_BY_MAIN = 5;

/** Essential-edge blocks are whole 32-bit words of the bit set, so no two threads share a word. */
export const DEFAULT_BLOCK_EDGES = 1 << 19;

export interface AnalysisJob {
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
  /** One Int32 state per essential-edge block. */
  blocks: SharedArrayBuffer;
  firstRetainerIndex: Uint32Array;
  /** One bit per retainer slot. */
  slots: Uint32Array;
  distances: Int32Array;
  queue: Uint32Array;
  /** One Int32 state per stage. */
  control: SharedArrayBuffer;
}

export function blockCount(job: Pick<AnalysisJob, 'graph' | 'blockEdges'>): number {
  return Math.ceil(job.graph.edgeCount / job.blockEdges);
}

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

/** Runs a claimed stage or block, leaving DONE or FAILED (and waking a waiting thread). */
function runClaimed(control: Int32Array, index: number, work: () => void): void {
  let state = STAGE_FAILED;
  try {
    work();
    state = STAGE_DONE;
  } finally {
    Atomics.store(control, index, state);
    Atomics.notify(control, index);
  }
}

/** Waits while the main thread computes a stage or block it took. */
function waitForMain(control: Int32Array, index: number): number {
  let state = Atomics.load(control, index);
  while (state === STAGE_TAKEN) {
    Atomics.wait(control, index, STAGE_TAKEN);
    state = Atomics.load(control, index);
  }
  return state;
}

const claim = (control: Int32Array, index: number): boolean => Atomics.compareExchange(control, index, STAGE_IDLE, STAGE_RUNNING) === STAGE_IDLE;

/** Runs each stage and block the main thread has not taken (worker side). */
export function runAnalysisJob(job: AnalysisJob): void {
  const control = new Int32Array(job.control);
  const blocks = new Int32Array(job.blocks);
  if (claim(control, STAGE_PAGE)) {
    runClaimed(control, STAGE_PAGE, () => computeStage(job, STAGE_PAGE, job.queue));
  } else if (waitForMain(control, STAGE_PAGE) !== STAGE_DONE_BY_MAIN) {
    return; // the main thread is marking page objects itself, which the blocks need
  }
  // From the last block down, while the main thread goes up: they meet in the middle.
  for (let b = blocks.length - 1; b >= 0; b--) {
    if (claim(blocks, b)) runClaimed(blocks, b, () => computeEssentialBlock(job, b));
  }
  // The slot bits read every block's bits.
  for (let b = 0; b < blocks.length; b++) {
    if (waitForMain(blocks, b) !== STAGE_DONE_BY_MAIN && Atomics.load(blocks, b) !== STAGE_DONE) return;
  }
  for (const stage of [STAGE_SLOTS, STAGE_DISTANCES]) {
    if (claim(control, stage)) runClaimed(control, stage, () => computeStage(job, stage, job.queue));
  }
}
