// `heapdiff record` and what it exposes or leaves behind (issue 13): no socket anyone could
// connect to, private files, the program's whole process group stopped, only its own snapshots
// taken in --on-signal mode, the program's stderr never parsed, and SIGHUP/SIGQUIT handled like
// Ctrl-C. Each test runs real programs (test/scenarios/) under the CLI bundle.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, servePage } from './helpers/chromium.js';
import { fdTarget, isGone, listeningSockets, processTree } from './helpers/processes.js';

const CLI = fileURLToPath(new URL('../packages/cli/bundle/heapdiff.js', import.meta.url));
const scenario = (name: string): string => fileURLToPath(new URL(`./scenarios/${name}`, import.meta.url));

interface Run {
  child: ChildProcess;
  out: { stdout: string; stderr: string };
  /** Resolves once `text` has appeared on the stream. */
  waitFor(text: string | RegExp, stream?: 'stdout' | 'stderr'): Promise<string>;
  /** heapdiff's own end ('exit': processes it failed to stop could hold its pipes open). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** heapdiff processes of the current test: a failed test must not leave a recording running. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  running.clear();
});

function record(args: string[], options: { cwd?: string } = {}): Run {
  const child = spawn(process.execPath, [CLI, 'record', ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd });
  running.add(child);
  const out = { stdout: '', stderr: '' };
  const watchers: Array<() => void> = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]!.setEncoding('utf8').on('data', (text: string) => {
      out[stream] += text;
      for (const watch of [...watchers]) watch();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (text: string | RegExp, stream: 'stdout' | 'stderr' = 'stderr'): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = typeof text === 'string' ? (out[stream].includes(text) ? [text] : null) : text.exec(out[stream]);
        if (m) resolve(m[1] ?? m[0]);
      };
      watchers.push(check);
      void exited.then(() => setTimeout(() => reject(new Error(`heapdiff exited before ${String(text)} on ${stream}:\n${out.stderr}`)), 100));
      check();
    });
  return { child, out, waitFor, exited };
}

/** Waits (bounded) until the process is gone; true if it went. */
async function goneSoon(pid: number, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries && !isGone(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return isGone(pid);
}

const leftovers = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.')) : []);
const mode = (path: string): number => statSync(path).mode & 0o777;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'heapdiff-record-safety-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('record: nothing to connect to, private files', () => {
  test('while a Node.js program is recorded, neither it nor anything heapdiff started listens on a socket', async () => {
    const dir = join(work, 'no-port');
    const run = record(['--count', '2', '--interval', '1500ms', '--out-dir', dir, '--', 'node', scenario('record-target.cjs')]);
    const pid = Number(await run.waitFor(/job runner started \(pid (\d+)\)/, 'stdout'));
    const tree = processTree(run.child.pid!);
    expect(tree).toContain(pid);
    expect(listeningSockets(tree)).toEqual([]);
    // Nor does the program answer on the port Node's inspector takes by default.
    const attempt = await new Promise<string>((resolve) => {
      const socket = connect(9229, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    if (attempt === 'connected') expect(listeningSockets([pid])).toEqual([]); // someone else's process holds 9229
    else expect(attempt).toBe('ECONNREFUSED');
    expect(await run.exited).toEqual({ code: 0, signal: null });

    // What it wrote is this user's only: the new directory 0700, the snapshots and memory.json 0600.
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', 'memory.json']);
    for (const file of readdirSync(dir)) expect(mode(join(dir, file)), file).toBe(0o600);
  });

  test('the program does not see the agent: no flag, no variable, nothing kept alive, forked children start clean', async () => {
    const run = record(['--count', '1', '--interval', '60s', '--out-dir', join(work, 'visibility'), '--', 'node', scenario('agent-visibility.cjs')]);
    const { code } = await run.exited;
    // It ended by itself after a second: the agent's pipe and timer kept nothing alive.
    expect(code).toBe(2);
    expect(run.out.stderr).toMatch(/heapdiff: the program exited with code 0 before the first snapshot/);
    const views = run.out.stdout.trim().split('\n').map((line) => JSON.parse(line) as { who: string; execArgv: string[]; env: string[]; preloaded: string[] });
    expect(views.map((v) => v.who)).toEqual(['program', 'child']);
    for (const view of views) expect(view, view.who).toMatchObject({ execArgv: [], env: [], preloaded: [] });
  });
});

describe('record: the program and what it started', () => {
  test('a child sharing the program\'s output is stopped with it, and heapdiff does not wait for it', async () => {
    const run = record(['--count', '1', '--interval', '500ms', '--out-dir', join(work, 'grandchild'), '--', 'node', scenario('spawns-grandchild.cjs')]);
    const grandchild = Number(await run.waitFor(/grandchild pid (\d+)/, 'stdout'));
    try {
      // Before: heapdiff waited as long as the grandchild (120 s) kept the program's stderr open.
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(await goneSoon(grandchild)).toBe(true);
    } finally {
      if (!isGone(grandchild)) process.kill(grandchild, 'SIGKILL');
    }
  }, 60_000);

  test('the program\'s stderr is its own: heapdiff never reads it (a long line that looks like Node\'s messages passes whole)', async () => {
    const bytes = 32 * 1024 * 1024;
    const dir = join(work, 'stderr');
    const run = record(['--on-signal', '--count', '1', '--out-dir', dir, '--', 'node', scenario('long-stderr-line.cjs'), String(bytes)]);
    const pid = Number(await run.waitFor(/wrote \d+ bytes to stderr \(pid (\d+)\)/, 'stdout'));
    // The program writes straight into the pipe heapdiff's stderr is: heapdiff scans none of its
    // bytes, however they are cut, so it cannot fall behind (it re-split a partial
    // "Debugger …" line on every chunk: quadratic).
    const pipe = fdTarget(run.child.pid!, 2);
    expect(pipe).toMatch(/^(pipe|socket):\[\d+\]$/); // the test's own pipe to heapdiff
    expect(fdTarget(pid, 2)).toBe(pipe);
    run.child.kill('SIGUSR2');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    // heapdiff's own lines share the pipe: they may land between two of the program's writes.
    const theirs = run.out.stderr.replace(/Recording [^\n]*\n|Send SIGUSR2[^\n]*\n/g, '');
    expect(/Debugger x*/.exec(theirs)![0].length).toBe('Debugger '.length + bytes);
    expect(readdirSync(dir)).toContain('1-snapshot.heapsnapshot');
  });

  test('heapdiff killed outright (SIGKILL): the program, left without its pipe, ends itself', async () => {
    const run = record(['--count', '3', '--interval', '2s', '--out-dir', join(work, 'killed'), '--', 'node', scenario('record-target.cjs')]);
    const pid = Number(await run.waitFor(/job runner started \(pid (\d+)\)/, 'stdout'));
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await goneSoon(pid)).toBe(true);
  });
});

describe('record --on-signal', () => {
  test('takes only the snapshots it asked for: a snapshot the program wrote itself stays where it is', async () => {
    const cwd = await mkdtemp(join(work, 'own-snapshot-'));
    const dir = join(work, 'own-snapshot-out');
    const run = record(['--on-signal', '--count', '2', '--out-dir', dir, '--', 'node', scenario('writes-own-snapshot.cjs')], { cwd });
    const [own, pid] = (await run.waitFor(/wrote (Heap\.\S+\.heapsnapshot \(pid \d+\))/, 'stdout')).split(' (pid ');
    const ownSize = statSync(join(cwd, own!)).size;
    run.child.kill('SIGUSR2'); // to heapdiff
    await run.waitFor('1-baseline.heapsnapshot');
    process.kill(Number.parseInt(pid!, 10), 'SIGUSR2'); // to the program
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(readdirSync(cwd)).toEqual([own]);
    expect(statSync(join(cwd, own!)).size).toBe(ownSize);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', 'memory.json']);
  });
});

describe('record: SIGHUP and SIGQUIT end it like Ctrl-C', () => {
  test('SIGHUP after a snapshot: the program is stopped, the complete snapshot kept, exit 129', async () => {
    const dir = join(work, 'hup');
    const run = record(['--count', '3', '--interval', '400ms', '--out-dir', dir, '--', 'node', scenario('record-target.cjs')]);
    const pid = Number(await run.waitFor(/job runner started \(pid (\d+)\)/, 'stdout'));
    await run.waitFor('1-baseline.heapsnapshot');
    run.child.kill('SIGHUP');
    expect(await run.exited).toEqual({ code: 129, signal: null });
    expect(run.out.stderr).toMatch(/heapdiff: interrupted after 1 of 3 snapshots; kept 1 complete snapshot/);
    expect(await goneSoon(pid)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', 'memory.json']);
  });

  test('SIGQUIT while a snapshot is being written: no partial file, the program stopped, exit 131', async () => {
    const dir = join(work, 'quit');
    const run = record(['--count', '2', '--interval', '300ms', '--out-dir', dir, '--', 'node', scenario('big-heap.cjs')]);
    const pid = Number(await run.waitFor(/holding \d+ objects \(pid (\d+)\)/, 'stdout'));
    let sent = false;
    while (!sent) {
      if (leftovers(dir).length > 0) {
        run.child.kill('SIGQUIT');
        sent = true;
      } else {
        expect(existsSync(join(dir, '1-baseline.heapsnapshot')), 'the snapshot finished before it could be interrupted').toBe(false);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    expect(await run.exited).toEqual({ code: 131, signal: null });
    expect(run.out.stderr).toMatch(/heapdiff: interrupted before the first snapshot/);
    expect(await goneSoon(pid)).toBe(true);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});

describe.skipIf(!hasChromium())('record --url', () => {
  let page: Awaited<ReturnType<typeof servePage>>;
  let base: string;
  beforeAll(async () => {
    page = await servePage(scenario('modal-leak.html'));
    base = new URL(page.url).origin;
  });
  afterAll(() => page.close());

  test('Chromium is driven over a pipe: no port, only its singleton socket in a private directory; the page\'s heap is sampled', async () => {
    const dir = join(work, 'page');
    const run = record(['--url', `${base}/modal-leak.html`, '--count', '2', '--interval', '1s', '--sample-every', '100ms', '--out-dir', dir]);
    await run.waitFor('1-baseline.heapsnapshot');
    const tree = processTree(run.child.pid!);
    expect(tree.length).toBeGreaterThan(2); // Chromium's processes are there
    // No TCP port; Chromium's one listening socket is its profile's singleton socket, in a
    // directory only this user may enter.
    const sockets = listeningSockets(tree);
    expect(sockets.filter((s) => s.kind !== 'unix')).toEqual([]);
    for (const socket of sockets) {
      expect(socket.where).toMatch(/\/SingletonSocket$/);
      expect(mode(dirname(socket.where))).toBe(0o700);
      expect(statSync(dirname(socket.where)).uid).toBe(process.getuid!());
    }
    expect(await run.exited).toEqual({ code: 0, signal: null });
    for (const file of readdirSync(dir)) expect(mode(join(dir, file)), file).toBe(0o600);
    const series = JSON.parse(readFileSync(join(dir, 'memory.json'), 'utf8')) as { source: string; samples: Array<{ heapUsed: number; rss?: number }>; snapshots: unknown[] };
    expect(series.source).toBe('page');
    expect(series.snapshots).toHaveLength(2);
    expect(series.samples.length).toBeGreaterThan(5);
    for (const sample of series.samples) {
      expect(sample.heapUsed).toBeGreaterThan(0);
      expect(sample.rss).toBeUndefined();
    }
  });
});
