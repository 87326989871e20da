/** One reading of the target's memory, in bytes; `time` in ms since the epoch. */
export interface MemorySample {
  time: number;
  heapUsed: number;
  heapTotal: number;
  /** Node.js programs only: a page's heap usage over the DevTools protocol has no such figures. */
  external?: number;
  arrayBuffers?: number;
  rss?: number;
}

/** A snapshot written: its size, and when it was asked for and done (ms since the epoch). */
export interface Capture {
  bytes: number;
  started: number;
  ended: number;
}

/** Something heapdiff takes snapshots of: a Node.js program or a page in Chromium. */
export interface Recorder {
  /** Resolves with a reason (`the program exited with code 0`) once the target is gone. */
  readonly gone: Promise<string>;
  /** The program's process id (a Node.js program). */
  readonly pid?: number;
  /** Takes a snapshot now (after a full garbage collection), written to `path` atomically. */
  capture(path: string): Promise<Capture>;
  /** Calls `listener` with every memory sample from now on. */
  onSample(listener: (sample: MemorySample) => void): void;
  /** Calls `listener` when the program itself received the snapshot signal (on-signal mode). */
  onSignal(listener: () => void): void;
  /** Ends the target and drops any snapshot still being written; safe to call more than once. */
  stop(): Promise<void>;
}
