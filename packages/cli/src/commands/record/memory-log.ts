import { basename } from 'node:path';
import type { LoadRun } from '../../record/load-generator.js';
import type { Capture, MemorySample as TakenSample } from '../../record/recorder.js';
import type { LoadRunMark, MemorySample, MemorySeries, SnapshotMark } from '../memory/schema.js';

/**
 * The memory series of one recording, as it happens: samples from the program or page, a mark
 * for each snapshot, and each run of the load command; `series()` is what memory.json holds.
 * Times are kept relative to the start, in milliseconds.
 */
export class MemoryLog {
  private readonly startedAt = Date.now();
  private readonly samples: MemorySample[] = [];
  private readonly snapshots: SnapshotMark[] = [];
  private readonly loadRuns: LoadRunMark[] = [];

  constructor(
    private readonly source: MemorySeries['source'],
    private readonly target: string,
    private readonly sampleEveryMs: number,
    private readonly loadCommand?: string,
  ) {}

  get sampleCount(): number {
    return this.samples.length;
  }

  sample(taken: TakenSample): void {
    const { time, ...values } = taken;
    this.samples.push({ t: this.since(time), ...values });
  }

  snapshot(path: string, capture: Capture): void {
    this.snapshots.push({ file: basename(path), t: this.since(capture.started), tEnd: this.since(capture.ended), bytes: capture.bytes });
  }

  load(before: string, startedAt: number, run: LoadRun): void {
    const { code, signal } = run.status;
    this.loadRuns.push({ before: basename(before), t: this.since(startedAt), tEnd: this.since(startedAt + run.ranMs), code, signal, stoppedAtSnapshot: run.stoppedAtSnapshot });
  }

  series(): MemorySeries {
    // Samples arrive in order from one source; the sort only guards a clock step.
    const samples = [...this.samples].sort((a, b) => a.t - b.t);
    return {
      version: 1,
      source: this.source,
      target: this.target,
      startedAt: new Date(this.startedAt).toISOString(),
      sampleEveryMs: this.sampleEveryMs,
      samples,
      snapshots: this.snapshots,
      ...(this.loadCommand === undefined ? {} : { load: { command: this.loadCommand, runs: this.loadRuns } }),
    };
  }

  /** Milliseconds since the start; never negative (a sample from a clock that stepped back). */
  private since(time: number): number {
    return Math.max(0, time - this.startedAt);
  }
}
