import type { Worker } from 'node:worker_threads';

/** Slot states, moved by compare-and-swap from both sides. */
export const IDLE_NOT_YET = 0;
export const IDLE_WAITING = 1;
export const IDLE_GONE = 2;
export const IDLE_CLAIMED = 3;

/**
 * The edge worker once the parse is over: it waits a little while for one more job (the
 * distances, when the graph is analysed right away) and exits otherwise. Claiming it is atomic,
 * so a job is never posted to a worker that has already given up.
 */
export class IdleWorker {
  constructor(
    private readonly worker: Worker,
    private readonly control: Int32Array,
    private readonly slot: number,
  ) {}

  /** The worker, now committed to take the next message, or null if it is gone. */
  claim(): Worker | null {
    return Atomics.compareExchange(this.control, this.slot, IDLE_WAITING, IDLE_CLAIMED) === IDLE_WAITING ? this.worker : null;
  }
}
