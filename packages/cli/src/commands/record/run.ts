import { formatSize, safeText } from '@heapdiff/core';
import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../../errors.js';
import { startAgentNode } from '../../record/agent-node.js';
import { startBrowserPage } from '../../record/browser-page.js';
import { chromiumPath } from '../../record/chromium.js';
import { formatDuration, parseDuration } from '../../record/duration.js';
import { describeLoadRun, LoadGenerator, type LoadRun } from '../../record/load-generator.js';
import { resolveProgram } from '../../record/node-program.js';
import { writePrivateFile } from '../../record/private-file.js';
import { InterruptedError, RecordError } from '../../record/record-error.js';
import type { Recorder } from '../../record/recorder.js';
import { snapshotNames } from '../../record/snapshot-names.js';
import { runLeaks } from '../leaks/run.js';
import { MEMORY_FILE } from '../memory/series.js';
import { runSummary } from '../summary/run.js';
import { MemoryLog } from './memory-log.js';
import { recordOptions } from './options.js';
import { shellQuote } from '../../output/shell-quote.js';
import { checkUrl, defaultDir, display, isDirectory } from './paths-and-urls.js';

export interface RecordArgs {
  program?: string[];
  count: number;
  interval?: string;
  onSignal?: boolean;
  node?: string;
  url?: string;
  chromium?: string;
  sampleEvery?: string;
  load?: string;
  analyze: boolean;
  /** The shared options (`--out-dir`, `--quiet`). */
  [option: string]: unknown;
}

const DEFAULT_INTERVAL = '10s';
const DEFAULT_SAMPLE_EVERY = '100ms';
const MIN_SAMPLE_EVERY_MS = 10;
/** Time for the program to load heapdiff's agent, or for a page to load. */
const START_TIMEOUT_MS = 30_000;
const MAX_COUNT = 1000;
/** The snapshot signal of on-signal mode, to heapdiff or to the program. */
const SNAPSHOT_SIGNAL = 'SIGUSR2';
/** Signals that end a recording, and the exit codes of a process ended by them, as shells report them. */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;
const STOP_SIGNALS = Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>;
/** Lines of the load command's output shown after each run: more when it failed. */
const LOAD_TAIL = { ok: 3, failed: 15 };
/** Directories record creates hold snapshots: only this user may list or read them. */
const PRIVATE_DIR_MODE = 0o700;

export async function runRecord(args: RecordArgs): Promise<number> {
  const opts = recordOptions.read(args);
  const plan = makePlan(args, opts.outDir);
  const quiet = opts.quiet;
  const created = !existsSync(plan.dir);
  mkdirSync(plan.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const paths = snapshotNames(plan.count).map((name) => join(plan.dir, name));
  const kept: string[] = [];
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const memory = new MemoryLog(plan.source, plan.target, plan.sampleEveryMs, args.load);

  let interrupt: (signal: NodeJS.Signals) => void = () => {};
  const interrupted = new Promise<never>((_, reject) => (interrupt = (signal) => reject(new InterruptedError(signal))));
  interrupted.catch(() => {}); // raced below; nobody may be waiting at the moment it happens
  const onStopSignal = (signal: NodeJS.Signals): void => interrupt(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);

  // On-signal mode: SIGUSR2 to heapdiff, or to the program (its agent tells), asks for the next snapshot.
  let signalsPending = 0;
  let wake: (() => void) | null = null;
  const onSnapshotSignal = (): void => {
    signalsPending++;
    wake?.();
  };
  const nextSignal = async (): Promise<void> => {
    while (signalsPending === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    signalsPending--;
  };
  if (plan.intervalMs === null) process.on(SNAPSHOT_SIGNAL, onSnapshotSignal);

  const load = args.load === undefined ? null : new LoadGenerator(args.load);
  let loadRunning = false;
  let recorder: Recorder | null = null;
  const starting = plan.start();
  try {
    recorder = await Promise.race([starting, interrupted]);
    recorder.onSample((sample) => memory.sample(sample));
    recorder.onSignal(onSnapshotSignal);
    const gone = recorder.gone.then((reason) => {
      // A program that ended on its own was not meant to run this long: say how to fit it.
      const hint = plan.intervalMs !== null && reason.endsWith('exited with code 0') ? ' (it has to run until the last one: lower --interval or --count)' : '';
      throw new RecordError(`${reason} ${stage(kept.length, plan)}${hint}`);
    });
    gone.catch(() => {});
    if (!quiet) log(plan.announce(recorder));
    for (let i = 0; i < plan.count; i++) {
      const loadStarted = Date.now();
      if (load && i > 0) {
        load.start();
        loadRunning = true;
      }
      // Cancelled when the race is lost, so a pending timer never keeps heapdiff running.
      const wait = new AbortController();
      const due = plan.intervalMs === null ? nextSignal() : sleep(plan.intervalMs, undefined, { signal: wait.signal }).catch(() => {});
      await Promise.race([due, gone, interrupted, ...(loadRunning ? [load!.cannotStart] : [])]).finally(() => wait.abort());
      if (loadRunning) {
        loadRunning = false;
        const run = await load!.stop();
        memory.load(paths[i]!, loadStarted, run);
        reportLoad(run, paths[i]!, log);
      }
      let taken;
      try {
        taken = await Promise.race([recorder.capture(paths[i]!), gone, interrupted]);
      } catch (error) {
        // A broken connection is usually the target going away: say that instead, when it did.
        if (error instanceof InterruptedError) throw error;
        await Promise.race([gone, interrupted, sleep(500, undefined, { ref: false })]);
        throw error;
      }
      kept.push(paths[i]!);
      memory.snapshot(paths[i]!, taken);
      const took = plan.intervalMs === null ? '' : `  (${((taken.ended - taken.started) / 1000).toFixed(1)} s)`;
      log(`  ${display(paths[i]!)}  ${formatSize(taken.bytes)}${took}`);
    }
  } catch (error) {
    if (loadRunning) await load!.stop();
    // Interrupted while starting: the program or browser still has to be ended once it is up.
    recorder ??= await starting.catch(() => null);
    await recorder?.stop();
    if (kept.length > 0) writeMemory(plan.dir, memory);
    if (created && readdirSync(plan.dir).length === 0) rmdirSync(plan.dir);
    const note = kept.length > 0 ? `; kept ${kept.length} complete snapshot${kept.length === 1 ? '' : 's'} in ${display(plan.dir)}` : '';
    if (error instanceof InterruptedError) {
      log(`heapdiff: interrupted ${stage(kept.length, plan)}${note}`);
      return SIGNAL_EXIT[error.signal as keyof typeof SIGNAL_EXIT] ?? 130;
    }
    if (error instanceof UsageError) throw new RecordError(`${error.message}${note}`);
    throw error;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
    process.off(SNAPSHOT_SIGNAL, onSnapshotSignal);
  }
  await recorder.stop();
  const memoryFile = writeMemory(plan.dir, memory);
  log(`  ${display(memoryFile)}  ${memory.sampleCount} memory samples`);
  return next(kept, plan.dir, args.analyze, quiet);
}

function writeMemory(dir: string, memory: MemoryLog): string {
  const path = join(dir, MEMORY_FILE);
  writePrivateFile(path, `${JSON.stringify(memory.series())}\n`);
  return path;
}

/** One line per run of the load command, then the last lines of its output, marked as its. */
function reportLoad(run: LoadRun, before: string, log: (line: string) => void): void {
  const name = display(before).split(sep).at(-1)!.replace(/\.heapsnapshot$/, '');
  log(`  load before ${name}: ${describeLoadRun(run)}${run.failed ? ' (failed)' : ''}`);
  const tail = run.tail.filter((line) => line.trim() !== '').slice(-(run.failed ? LOAD_TAIL.failed : LOAD_TAIL.ok));
  for (const line of tail) log(`    load| ${safeText(line, 200)}`);
}

interface Plan {
  count: number;
  dir: string;
  /** Null in on-signal mode: the signals set the pace. */
  intervalMs: number | null;
  sampleEveryMs: number;
  source: 'node' | 'page';
  /** The program's command line or the page's URL, for memory.json. */
  target: string;
  start(): Promise<Recorder>;
  announce(recorder: Recorder): string;
}

function makePlan(args: RecordArgs, outDir: string | undefined): Plan {
  const count = args.count;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new UsageError(`--count: expected a whole number from 1 to ${MAX_COUNT}, got ${count}`);
  const intervalMs = args.onSignal ? null : parseDuration(args.interval ?? DEFAULT_INTERVAL, '--interval');
  const sampleEveryMs = parseDuration(args.sampleEvery ?? DEFAULT_SAMPLE_EVERY, '--sample-every');
  if (sampleEveryMs < MIN_SAMPLE_EVERY_MS) throw new UsageError(`--sample-every: at least ${MIN_SAMPLE_EVERY_MS}ms, got "${args.sampleEvery}"`);
  if (args.load !== undefined && args.load.trim() === '') throw new UsageError('--load: expected a shell command, e.g. --load "node client.js"');
  if (args.load !== undefined && count < 2) throw new UsageError('--load runs between snapshots: it needs --count 2 or more');
  const dir = resolve(outDir ?? defaultDir());
  if (existsSync(dir) && !isDirectory(dir)) throw new UsageError(`--out-dir ${outDir}: not a directory`);
  const every = intervalMs === null ? '' : `, ${formatDuration(intervalMs)} apart`;
  const what = `${count} snapshot${count === 1 ? '' : 's'}${every}, into ${display(dir)}; memory every ${formatDuration(sampleEveryMs)}`;
  const loadNote = args.load === undefined ? '' : `\nLoad between snapshots: ${args.load}`;
  const program = args.program ?? [];

  if (args.url !== undefined) {
    if (program.length > 0) throw new UsageError('record takes either --url or a program after --, not both');
    const url = checkUrl(args.url);
    const chromium = chromiumPath(args.chromium);
    return {
      count, dir, intervalMs, sampleEveryMs, source: 'page', target: url,
      start: () => startBrowserPage(url, { chromium, loadTimeoutMs: START_TIMEOUT_MS, sampleEveryMs }),
      announce: () => `Recording ${url} in Chromium: ${what}${loadNote}`,
    };
  }
  if (args.chromium !== undefined) throw new UsageError('--chromium only applies with --url');
  const command = resolveProgram(program, args.node);
  const shown = [command.node, ...command.args].map(shellQuote).join(' ');
  const signal = args.onSignal ? SNAPSHOT_SIGNAL : undefined;
  return {
    count, dir, intervalMs, sampleEveryMs, source: 'node', target: shown,
    start: () => startAgentNode(command, { sampleEveryMs, signal, startTimeoutMs: START_TIMEOUT_MS }),
    announce: (r) => {
      const how = args.onSignal ? `\nSend ${SNAPSHOT_SIGNAL} for each snapshot: kill -USR2 ${process.pid} (heapdiff)${r.pid ? ` or kill -USR2 ${r.pid} (the program)` : ''}` : '';
      return `Recording ${shown}: ${what}${loadNote}${how}`;
    },
  };
}

function stage(done: number, plan: Plan): string {
  return done === 0 ? 'before the first snapshot' : `after ${done} of ${plan.count} snapshots`;
}

/** What to run next (stdout, so a script can pick it up), or the analysis itself with --analyze. */
async function next(paths: string[], dir: string, analyze: boolean, quiet: boolean): Promise<number> {
  const [baseline, target] = paths;
  if (analyze) {
    process.stdout.write('\n');
    if (!target) return runSummary({ snapshot: baseline!, limit: 20, sort: 'retained', json: false });
    return runLeaks({ snapshots: paths, by: 'holder', limit: 20, paths: 3, fullPath: false, failOnLeak: false, threshold: '1MB', thresholdCount: 1000, json: false });
  }
  if (quiet) return 0;
  const lines = ['', 'Next:'];
  if (!target) lines.push(`  heapdiff summary ${shellQuote(display(baseline!))}`);
  else lines.push(`  heapdiff leaks ${paths.map((p) => shellQuote(display(p))).join(' ')}`);
  if (paths.length >= 3) lines.push(`  heapdiff growth ${paths.map((p) => shellQuote(display(p))).join(' ')}`);
  lines.push(`  heapdiff memory ${shellQuote(display(dir))}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
