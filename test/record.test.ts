// `heapdiff record` end to end: it runs programs and a page it has never seen (the scenarios
// record-target.cjs and modal-leak.html), and `leaks` on what it recorded finds their leaks.
// Also how it fails: a program that exits early, one that is not Node.js, Ctrl-C.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, servePage } from './helpers/chromium.js';
import { WANTED_MAJORS, availableMajors, nodeBinary, type NodeMajor } from './helpers/node-binaries.js';

const CLI = fileURLToPath(new URL('../packages/cli/bundle/heapdiff.js', import.meta.url));
const TARGET = fileURLToPath(new URL('./scenarios/record-target.cjs', import.meta.url));
const PAGE = fileURLToPath(new URL('./scenarios/modal-leak.html', import.meta.url));

interface Result { code: number; stdout: string; stderr: string }

/** The CLI as a user runs it; asynchronous, so this process can serve pages meanwhile. */
function heapdiff(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface LeakGroupJson { name: string; count: number; paths: { edge: string | null; name: string }[][] }

async function leakGroups(dir: string, names = ['1-baseline', '2-target', '3-final']): Promise<LeakGroupJson[]> {
  const result = await heapdiff(['leaks', '--by', 'class', ...names.map((n) => join(dir, `${n}.heapsnapshot`)), '--limit', '0', '--json']);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { groups: LeakGroupJson[] }).groups;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'heapdiff-record-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** No temporary or half-written files next to the snapshots. */
function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.')) : [];
}

describe.each(WANTED_MAJORS.filter((m) => m !== 20))('record -- node on Node %i', (major: NodeMajor) => {
  test.skipIf(!availableMajors.includes(major))('records three snapshots, prints the leaks command, and leaks finds the job leak', async () => {
    const dir = join(work, `node${major}`);
    const result = await heapdiff(['record', '--count', '3', '--interval', '600ms', '--out-dir', dir, '--node', nodeBinary(major), '--', 'node', TARGET]);
    expect(result.stderr).toContain('1-baseline.heapsnapshot');
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', '3-final.heapsnapshot', 'memory.json']);
    expect(result.stdout).toContain(`heapdiff leaks ${join(dir, '1-baseline.heapsnapshot')} ${join(dir, '2-target.heapsnapshot')} ${join(dir, '3-final.heapsnapshot')}`);
    const groups = await leakGroups(dir);
    const jobs = groups.find((g) => g.name === 'InvoiceJob');
    expect(jobs, groups.map((g) => g.name).join(', ')).toBeDefined();
    expect(jobs!.count).toBeGreaterThan(100);
    expect(jobs!.paths[0]!.map((s) => s.edge)).toContain('retryRegistry');
    expect(groups.map((g) => g.name)).not.toContain('{sku, qty, price}'); // the per-job garbage
  });
});

describe('record -- node', () => {
  test('--analyze runs leaks on the snapshots', async () => {
    const dir = join(work, 'analyze');
    const result = await heapdiff(['record', '--count', '2', '--interval', '500ms', '--out-dir', dir, '--analyze', '--', 'node', TARGET, '10']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^1 leak: retryRegistry$/m);
    expect(result.stdout).toMatch(/allocated between 1-baseline\.heapsnapshot and 2-target\.heapsnapshot are alive in 2-target\.heapsnapshot/);
    expect(result.stdout).toMatch(/#1 retryRegistry {2}\(a variable of module test\/scenarios\/record-target\.cjs\)/);
    expect(result.stdout).toContain('InvoiceJob');
  });

  test('--quiet: the files written and nothing else (-o DIR, the old spelling of --out-dir, still works)', async () => {
    const dir = join(work, 'quiet');
    const result = await heapdiff(['record', '--count', '1', '--interval', '500ms', '-o', dir, '--quiet', '--', 'node', TARGET, '10']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('Next:'); // the program's own output still passes through
    expect(result.stderr).not.toContain('Recording');
    expect(result.stderr).not.toContain('note:');
    expect(result.stderr).toContain('1-snapshot.heapsnapshot');
    expect(readdirSync(dir).sort()).toEqual(['1-snapshot.heapsnapshot', 'memory.json']);
  });

  test('a program that ends before the last snapshot: exit 2, one line, no partial files', async () => {
    const dir = join(work, 'early');
    // Lives 2.5 s: one or two of the snapshots (1 s apart) fit, the third never does.
    const result = await heapdiff(['record', '--interval', '1s', '--out-dir', dir, '--', 'node', '-e', 'setTimeout(() => {}, 2500)']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^heapdiff: the program exited with code 0 after [12] of 3 snapshots \(it has to run until the last one: lower --interval or --count\); kept [12] complete snapshots? in /);
    expect(leftovers(dir)).toEqual([]);
  });

  test('a program that crashes: its error is shown, exit 2', async () => {
    // A second in, once the inspector is connected: Node can hang when a program dies during the
    // connection handshake itself (record then gives up after 30 s; too slow for a test).
    const crash = 'setTimeout(() => { throw new Error("config missing"); }, 1000)';
    const result = await heapdiff(['record', '--interval', '20s', '--out-dir', join(work, 'crash'), '--', 'node', '-e', crash]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('config missing');
    expect(result.stderr).toMatch(/heapdiff: the program exited with code 1/);
    expect(existsSync(join(work, 'crash'))).toBe(false); // nothing recorded: no empty directory either
  });

  test('not a Node.js program, or no program at all: usage error', async () => {
    for (const args of [['--', 'python3', 'app.py'], []]) {
      const result = await heapdiff(['record', '--out-dir', join(work, 'usage'), ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const missing = await heapdiff(['record', '--out-dir', join(work, 'usage'), '--node', join(work, 'no-such-node'), '--', 'node', TARGET]);
    expect(missing.stderr.trim()).toMatch(/^heapdiff: cannot start .*no-such-node \(ENOENT\)$/);
  });

  test('Ctrl-C: the program is stopped, complete snapshots kept, no partial file, exit 130', async () => {
    const dir = join(work, 'interrupted');
    const child = spawn(process.execPath, [CLI, 'record', '--count', '3', '--interval', '400ms', '--out-dir', dir, '--', 'node', TARGET], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t; });
    const firstSnapshot = new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (t: string) => {
        stderr += t;
        if (stderr.includes('1-baseline.heapsnapshot')) resolve();
      });
    });
    await firstSnapshot;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/heapdiff: interrupted after 1 of 3 snapshots; kept 1 complete snapshot/);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', 'memory.json']); // the series up to Ctrl-C
    const pid = Number(/pid (\d+)/.exec(stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(); // the recorded program is gone
  });

  test('--on-signal: a snapshot per SIGUSR2', async () => {
    const dir = join(work, 'signal');
    const child = spawn(process.execPath, [CLI, 'record', '--on-signal', '--count', '2', '--out-dir', dir, '--', 'node', TARGET], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    const waitFor = (text: string, stream: 'stdout' | 'stderr' = 'stderr'): Promise<void> => new Promise((resolve) => {
      const check = (): void => void ((stream === 'stderr' ? stderr : stdout).includes(text) && resolve());
      child[stream].on('data', check);
      check();
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => { stderr += t; });
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t; });
    // Until heapdiff listens for it (it does once the program runs), SIGUSR2 would end heapdiff.
    await waitFor('job runner started', 'stdout');
    child.kill('SIGUSR2');
    await waitFor('1-baseline.heapsnapshot');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGUSR2');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', 'memory.json']);
    const groups = await leakGroups(dir, ['1-baseline', '2-target']);
    expect(groups.map((g) => g.name)).toContain('InvoiceJob');
  });
});

describe.skipIf(!hasChromium())('record --url', () => {
  let page: Awaited<ReturnType<typeof servePage>>;
  let base: string;
  beforeAll(async () => {
    page = await servePage(PAGE);
    base = new URL(page.url).origin;
  });
  afterAll(() => page.close());

  test('records a page in Chromium, and leaks finds the detached DOM its Map holds', async () => {
    const dir = join(work, 'page');
    const result = await heapdiff(['record', '--url', `${base}/modal-leak.html`, '--count', '3', '--interval', '700ms', '--out-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('heapdiff leaks');
    const groups = await leakGroups(dir);
    const sections = groups.find((g) => g.name === 'Detached <section>');
    expect(sections, groups.slice(0, 10).map((g) => g.name).join(', ')).toBeDefined();
    expect(sections!.count).toBeGreaterThan(20);
    expect(sections!.paths[0]!.map((s) => s.edge)).toContain('closedModals');
    expect(groups.findIndex((g) => g.name === 'Detached <section>')).toBeLessThan(3);
  });

  test('a page that does not load: exit 2, one line', async () => {
    const result = await heapdiff(['record', '--url', `${base}/missing.html`, '--count', '1', '--out-dir', join(work, 'missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^heapdiff: cannot load http:\/\/127\.0\.0\.1:\d+\/missing\.html \((HTTP 404|net::ERR_HTTP_RESPONSE_CODE_FAILURE)\)$/);
  });

  test('--url with a program, or --on-signal, is a usage error', async () => {
    expect((await heapdiff(['record', '--url', base, '--', 'node', TARGET])).code).toBe(2);
    expect((await heapdiff(['record', '--url', base, '--on-signal'])).code).toBe(2);
  });
});
