import { formatSize } from '@heapdiff/core';
import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../../errors.js';
import { startBrowserPage } from '../../record/browser-page.js';
import { chromiumPath } from '../../record/chromium.js';
import { formatDuration, parseDuration } from '../../record/duration.js';
import { startInspectedNode } from '../../record/inspected-node.js';
import { resolveProgram } from '../../record/node-program.js';
import { InterruptedError, RecordError } from '../../record/record-error.js';
import type { Recorder } from '../../record/recorder.js';
import { startSignalledNode } from '../../record/signalled-node.js';
import { snapshotNames } from '../../record/snapshot-names.js';
import { runLeaks } from '../leaks/run.js';
import { runSummary } from '../summary/run.js';

export interface RecordArgs {
  program?: string[];
  count: number;
  interval?: string;
  onSignal?: boolean;
  output?: string;
  node?: string;
  url?: string;
  chromium?: string;
  analyze: boolean;
}

const DEFAULT_INTERVAL = '10s';
/** Time for Node to print its inspector URL, or for a page to load. */
const START_TIMEOUT_MS = 30_000;
const MAX_COUNT = 1000;
/** Exit codes of a process ended by a signal, as shells report them. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export async function runRecord(args: RecordArgs): Promise<number> {
  const plan = makePlan(args);
  const created = !existsSync(plan.dir);
  mkdirSync(plan.dir, { recursive: true });
  const paths = snapshotNames(plan.count).map((name) => join(plan.dir, name));
  const kept: string[] = [];
  const log = (line: string): void => void process.stderr.write(`${line}\n`);

  let interrupt: (signal: NodeJS.Signals) => void = () => {};
  const interrupted = new Promise<never>((_, reject) => (interrupt = (signal) => reject(new InterruptedError(signal))));
  interrupted.catch(() => {}); // raced below; nobody may be waiting at the moment it happens
  const onSignal = (signal: NodeJS.Signals): void => interrupt(signal);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  let recorder: Recorder | null = null;
  const starting = plan.start();
  try {
    recorder = await Promise.race([starting, interrupted]);
    const gone = recorder.gone.then((reason) => {
      // A program that ended on its own was not meant to run this long: say how to fit it.
      const hint = plan.intervalMs !== null && reason.endsWith('exited with code 0') ? ' (it has to run until the last one: lower --interval or --count)' : '';
      throw new RecordError(`${reason} ${stage(kept.length, plan)}${hint}`);
    });
    gone.catch(() => {});
    log(plan.announce(recorder));
    for (let i = 0; i < plan.count; i++) {
      if (plan.intervalMs !== null) {
        // Cancelled when the race is lost, so a pending timer never keeps heapdiff running.
        const wait = new AbortController();
        const tick = sleep(plan.intervalMs, undefined, { signal: wait.signal }).catch(() => {});
        await Promise.race([tick, gone, interrupted]).finally(() => wait.abort());
      }
      const started = Date.now();
      let bytes: number;
      try {
        bytes = await Promise.race([recorder.capture(paths[i]!), gone, interrupted]);
      } catch (error) {
        // A broken connection is usually the target going away: say that instead, when it did.
        if (error instanceof InterruptedError) throw error;
        await Promise.race([gone, interrupted, sleep(500, undefined, { ref: false })]);
        throw error;
      }
      kept.push(paths[i]!);
      const took = plan.intervalMs === null ? '' : `  (${((Date.now() - started) / 1000).toFixed(1)} s)`;
      log(`  ${display(paths[i]!)}  ${formatSize(bytes)}${took}`);
    }
  } catch (error) {
    // Interrupted while starting: the program or browser still has to be ended once it is up.
    recorder ??= await starting.catch(() => null);
    await recorder?.stop();
    if (created && readdirSync(plan.dir).length === 0) rmdirSync(plan.dir);
    const note = kept.length > 0 ? `; kept ${kept.length} complete snapshot${kept.length === 1 ? '' : 's'} in ${display(plan.dir)}` : '';
    if (error instanceof InterruptedError) {
      log(`heapdiff: interrupted ${stage(kept.length, plan)}${note}`);
      return SIGNAL_EXIT[error.signal] ?? 130;
    }
    if (error instanceof UsageError) throw new RecordError(`${error.message}${note}`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  await recorder.stop();
  return next(kept, args.analyze);
}

interface Plan {
  count: number;
  dir: string;
  /** Null in on-signal mode: the signals set the pace. */
  intervalMs: number | null;
  start(): Promise<Recorder>;
  announce(recorder: Recorder): string;
}

function makePlan(args: RecordArgs): Plan {
  const count = args.count;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new UsageError(`--count: expected a whole number from 1 to ${MAX_COUNT}, got ${count}`);
  const intervalMs = args.onSignal ? null : parseDuration(args.interval ?? DEFAULT_INTERVAL, '--interval');
  const dir = resolve(args.output ?? defaultDir());
  if (existsSync(dir) && !isDirectory(dir)) throw new UsageError(`-o ${args.output}: not a directory`);
  const every = intervalMs === null ? '' : `, ${formatDuration(intervalMs)} apart`;
  const what = `${count} snapshot${count === 1 ? '' : 's'}${every}, into ${display(dir)}`;
  const program = args.program ?? [];

  if (args.url !== undefined) {
    if (program.length > 0) throw new UsageError('record takes either --url or a program after --, not both');
    const url = checkUrl(args.url);
    const chromium = chromiumPath(args.chromium);
    return { count, dir, intervalMs, start: () => startBrowserPage(url, chromium, START_TIMEOUT_MS), announce: () => `Recording ${url} in Chromium: ${what}` };
  }
  if (args.chromium !== undefined) throw new UsageError('--chromium only applies with --url');
  const command = resolveProgram(program, args.node);
  const shown = [command.node, ...command.args].map(shellQuote).join(' ');
  if (args.onSignal) {
    return {
      count, dir, intervalMs,
      start: () => startSignalledNode(command, dir),
      announce: (r) => {
        const pid = (r as { pid?: number }).pid;
        return `Recording ${shown}: ${what}\nSend SIGUSR2 for each snapshot: kill -USR2 ${process.pid}${pid ? ` (heapdiff) or kill -USR2 ${pid} (the program)` : ''}`;
      },
    };
  }
  return { count, dir, intervalMs, start: () => startInspectedNode(command, START_TIMEOUT_MS), announce: () => `Recording ${shown}: ${what}` };
}

function stage(done: number, plan: Plan): string {
  return done === 0 ? 'before the first snapshot' : `after ${done} of ${plan.count} snapshots`;
}

/** What to run next (stdout, so a script can pick it up), or the analysis itself with --analyze. */
async function next(paths: string[], analyze: boolean): Promise<number> {
  const [baseline, target] = paths;
  if (analyze) {
    process.stdout.write('\n');
    if (!target) return runSummary({ snapshot: baseline!, limit: 20, sort: 'retained', json: false });
    return runLeaks({ snapshots: paths, by: 'holder', limit: 20, paths: 3, fullPath: false, failOnLeak: false, threshold: '1MB', thresholdCount: 1000, json: false });
  }
  const lines = ['', 'Next:'];
  if (!target) lines.push(`  heapdiff summary ${shellQuote(display(baseline!))}`);
  else lines.push(`  heapdiff leaks ${paths.map((p) => shellQuote(display(p))).join(' ')}`);
  if (paths.length >= 3) lines.push(`  heapdiff growth ${paths.map((p) => shellQuote(display(p))).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: "${text}" is not a URL (expected e.g. http://localhost:8080/)`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new UsageError(`--url: expected an http, https or file URL, got ${url.protocol}`);
  return url.href;
}

function defaultDir(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `heapdiff-record-${date}-${time}`;
}

function isDirectory(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

/** A path as the user would type it: relative to the working directory when inside it. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
