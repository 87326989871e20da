import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeExit, type ExitStatus } from './node-program.js';
import { OutputTail } from './output-tail.js';
import { groupAlive, signalGroup } from './process-group.js';
import { RecordError } from './record-error.js';

/** How one run of the load command went. */
export interface LoadRun {
  /** `exited with code 0`, `was killed by SIGTERM`, … */
  status: ExitStatus;
  /** Still running when the snapshot was due, so heapdiff stopped it: the usual case. */
  stoppedAtSnapshot: boolean;
  /** Exited by itself with a non-zero code, or died of a signal heapdiff did not send. */
  failed: boolean;
  ranMs: number;
  /** Its output's last lines (stdout and stderr together), unescaped. */
  tail: string[];
}

const TAIL_LINES = 20;
const GRACE_MS = 2000;
const GROUP_POLL_MS = 50;
/** What a POSIX shell exits with when it cannot find or cannot execute the command. */
const SHELL_CANNOT_RUN = new Set([126, 127]);

/**
 * `record --load "<command>"`: a load generator run with `sh -c` in each phase between snapshots,
 * in a process group of its own so that stopping it before a snapshot stops everything it started
 * (a client it spawned, a pipeline). Its output is kept (the last lines) for the report, not shown.
 */
export class LoadGenerator {
  private child: ChildProcess | null = null;
  private tail = new OutputTail(TAIL_LINES);
  private exited: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private startedAt = 0;
  private stopping = false;
  private runs = 0;
  private endedAt: () => number = () => Date.now();
  private failStart: (error: RecordError) => void = () => {};
  /**
   * Rejects if the command cannot run at all: the shell itself fails to start, or the first run
   * ends with the shell's "not found" / "not executable" codes. Never resolves.
   */
  readonly cannotStart: Promise<never>;

  constructor(readonly command: string) {
    this.cannotStart = new Promise<never>((_, reject) => (this.failStart = reject));
    this.cannotStart.catch(() => {}); // raced by the caller only while a phase runs
  }

  /** Starts a run; the previous one must have been stopped. */
  start(): void {
    const first = this.runs++ === 0;
    this.tail = new OutputTail(TAIL_LINES);
    this.stopping = false;
    this.startedAt = Date.now();
    let endedAt: number | undefined;
    const child = spawn('/bin/sh', ['-c', this.command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    const tail = this.tail;
    for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding('utf8').on('data', (text: string) => tail.write(text));
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        this.failStart(new RecordError(`--load: cannot start /bin/sh (${(error as NodeJS.ErrnoException).code ?? error.message})`));
        resolve({ code: null, signal: null });
      });
      child.once('exit', (code, signal) => {
        endedAt = Date.now();
        resolve({ code, signal });
      });
    });
    // On 'close', once its output is in: the shell's own message says what is missing.
    child.once('close', (code) => {
      if (first && !this.stopping && code !== null && SHELL_CANNOT_RUN.has(code)) {
        const why = tail.end().at(-1);
        this.failStart(new RecordError(`--load: cannot run ${JSON.stringify(this.command)} (${why ? why : `exit code ${code}`})`));
      }
    });
    this.endedAt = () => endedAt ?? Date.now();
  }

  /** Stops the run (its whole group: SIGTERM, then SIGKILL) and says how it went. */
  async stop(): Promise<LoadRun> {
    const child = this.child;
    if (child === null) throw new Error('LoadGenerator.stop() before start()');
    this.child = null;
    const finished = await Promise.race([this.exited.then((status) => status), sleep(0, null)]);
    const stoppedAtSnapshot = finished === null;
    this.stopping = true;
    signalGroup(child, 'SIGTERM');
    const deadline = Date.now() + GRACE_MS;
    await Promise.race([this.exited, sleep(GRACE_MS, undefined, { ref: false })]);
    while (groupAlive(child) && Date.now() < deadline) await sleep(GROUP_POLL_MS);
    signalGroup(child, 'SIGKILL');
    const status = await this.exited;
    // Let the last output through: the pipes end once every process of the group is gone.
    await Promise.race([Promise.all([ended(child.stdout!), ended(child.stderr!)]), sleep(200, undefined, { ref: false })]);
    child.stdout!.destroy();
    child.stderr!.destroy();
    const failed = !stoppedAtSnapshot && (status.code !== 0 || status.signal !== null);
    return { status, stoppedAtSnapshot, failed, ranMs: this.endedAt() - this.startedAt, tail: this.tail.end() };
  }
}

function ended(stream: NodeJS.ReadableStream & { readableEnded?: boolean }): Promise<void> {
  return stream.readableEnded ? Promise.resolve() : new Promise((resolve) => stream.once('end', () => resolve()));
}

/** `exited with code 0 after 3.1 s` / `ran until the snapshot (stopped)`, for the report line. */
export function describeLoadRun(run: LoadRun): string {
  const after = `${(run.ranMs / 1000).toFixed(1)} s`;
  if (run.stoppedAtSnapshot) return `ran ${after}, stopped for the snapshot`;
  return `${describeExit(run.status)} after ${after}`;
}
