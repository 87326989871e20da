/** Something heapdiff takes snapshots of: a Node.js program or a page in Chromium. */
export interface Recorder {
  /** Resolves with a reason (`the program exited with code 0`) once the target is gone. */
  readonly gone: Promise<string>;
  /** Interval mode: takes a snapshot now. On-signal mode: waits for the next signal's snapshot. */
  capture(path: string): Promise<number>;
  /** Ends the target and drops any snapshot still being written; safe to call more than once. */
  stop(): Promise<void>;
}
