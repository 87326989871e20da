// The distance job as a worker runs it: shared by the dedicated distance worker and the edge
// worker, which takes one job after the parse (see distance-helper.ts).
import { computeDistanceColumns, type DistanceInputs } from './distance-bfs.js';

/** States of the job's control slot, moved by compare-and-swap from both sides. */
export const DISTANCE_IDLE = 0;
export const DISTANCE_RUNNING = 1;
export const DISTANCE_DONE = 2;
export const DISTANCE_FAILED = 3;
/** The main thread got there before a worker started: it computes the distances itself. */
export const DISTANCE_TAKEN = 4;

export interface DistanceJob {
  /** Every array in it lives in shared memory. */
  inputs: DistanceInputs;
  distances: Int32Array;
  queue: Uint32Array;
  control: SharedArrayBuffer;
}

/** Runs the job unless the main thread already took it back. */
export function runDistanceJob(job: DistanceJob): void {
  const control = new Int32Array(job.control);
  if (Atomics.compareExchange(control, 0, DISTANCE_IDLE, DISTANCE_RUNNING) !== DISTANCE_IDLE) return;
  let state = DISTANCE_FAILED;
  try {
    computeDistanceColumns(job.inputs, job.distances, job.queue);
    state = DISTANCE_DONE;
  } finally {
    Atomics.store(control, 0, state);
    Atomics.notify(control, 0);
  }
}
