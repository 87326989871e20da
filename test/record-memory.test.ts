// Memory over time (issue 14): `record` samples the program's memory into memory.json beside the
// snapshots while `--load` drives it, and `heapdiff memory` shows the series as a chart, CSV or
// JSON. The program is a leaky HTTP server (test/scenarios/leaky-http-server.cjs) and the load a
// small client (load-client.cjs), so heap used really climbs.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemorySeriesSchema, type MemorySeries } from '../packages/cli/dist/commands/memory/schema.js';

const CLI = fileURLToPath(new URL('../packages/cli/bundle/heapdiff.js', import.meta.url));
const SERVER = fileURLToPath(new URL('./scenarios/leaky-http-server.cjs', import.meta.url));
const CLIENT = fileURLToPath(new URL('./scenarios/load-client.cjs', import.meta.url));
const TARGET = fileURLToPath(new URL('./scenarios/record-target.cjs', import.meta.url));

interface Result { code: number; stdout: string; stderr: string }

function heapdiff(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20, timeout: 120_000, env: { ...process.env, COLUMNS: '100' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const quote = (path: string): string => `'${path.replace(/'/g, `'\\''`)}'`;

let work: string;
let dir: string;
let recorded: Result;
let series: MemorySeries;
const SNAPSHOTS = ['1-baseline.heapsnapshot', '2-target.heapsnapshot', '3-final.heapsnapshot'];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'heapdiff-record-memory-'));
  dir = join(work, 'server');
  const portFile = join(work, 'port');
  const load = `${quote(process.execPath)} ${quote(CLIENT)} ${quote(portFile)}`;
  recorded = await heapdiff(['record', '--count', '3', '--interval', '1500ms', '--sample-every', '50ms', '--load', load, '--out-dir', dir, '--', 'node', SERVER, portFile]);
  series = MemorySeriesSchema.parse(JSON.parse(readFileSync(join(dir, 'memory.json'), 'utf8')));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Heap used right after each snapshot, that is after its full garbage collection: what is retained. */
function heapAfterSnapshots(s: MemorySeries): number[] {
  return s.snapshots.map((mark) => s.samples.find((sample) => sample.t >= mark.tEnd)!.heapUsed);
}

describe('record --load --sample-every', () => {
  test('runs the load between snapshots, stops it for each, and reports how each run went', () => {
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stderr).toMatch(/Load between snapshots: .*load-client\.cjs/);
    expect(recorded.stderr).toMatch(/load before 2-target: ran \d+\.\d s, stopped for the snapshot\n {4}load\| sending to port \d+\n {4}load\| stopped after \d+ requests/);
    expect(recorded.stderr).toMatch(/load before 3-final: ran \d+\.\d s, stopped for the snapshot/);
    expect(recorded.stdout).toContain(`heapdiff memory ${dir}`);
    expect(readdirSync(dir).sort()).toEqual([...SNAPSHOTS, 'memory.json']);
  });

  test('memory.json: the series, sampled every 50 ms, with a mark per snapshot that matches its file', () => {
    expect(series).toMatchObject({ version: 1, source: 'node', sampleEveryMs: 50 });
    expect(series.target).toContain('leaky-http-server.cjs');
    expect(statSync(join(dir, 'memory.json')).mode & 0o777).toBe(0o600);
    // About 4.5 s of recording at 50 ms; the program's event loop is busy serving, so allow gaps.
    expect(series.samples.length).toBeGreaterThan(30);
    const times = series.samples.map((s) => s.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const sample of series.samples) {
      expect(sample.rss).toBeGreaterThan(sample.heapUsed);
      expect(sample.heapTotal).toBeGreaterThanOrEqual(sample.heapUsed);
      expect(sample.external).toBeGreaterThanOrEqual(sample.arrayBuffers!);
    }
    expect(series.snapshots.map((m) => m.file)).toEqual(SNAPSHOTS);
    for (const mark of series.snapshots) {
      expect(mark.bytes).toBe(statSync(join(dir, mark.file)).size);
      expect(mark.tEnd).toBeGreaterThan(mark.t);
    }
    for (let i = 1; i < series.snapshots.length; i++) expect(series.snapshots[i]!.t).toBeGreaterThan(series.snapshots[i - 1]!.tEnd);
    // Sampling covers the whole run: before the first snapshot and after the last one.
    expect(times[0]!).toBeLessThan(series.snapshots[0]!.t);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(series.snapshots.at(-1)!.tEnd);
    expect(series.load!.runs.map((r) => [r.before, r.stoppedAtSnapshot])).toEqual([['2-target.heapsnapshot', true], ['3-final.heapsnapshot', true]]);
    for (const [i, run] of series.load!.runs.entries()) {
      // Each run lies between the snapshot before it and the one it precedes.
      expect(run.t).toBeGreaterThanOrEqual(series.snapshots[i]!.tEnd);
      expect(run.tEnd).toBeLessThanOrEqual(series.snapshots[i + 1]!.t);
    }
  });

  test('heap used climbs while the load runs: the leaked sessions stay after each snapshot\'s GC', () => {
    const retained = heapAfterSnapshots(series);
    expect(retained[1]!).toBeGreaterThan(retained[0]! + 1_000_000);
    expect(retained[2]!).toBeGreaterThan(retained[1]! + 1_000_000);
  });
});

describe('heapdiff memory', () => {
  test('charts of heap used and RSS, the snapshots marked under the ticks of their times', async () => {
    const result = await heapdiff(['memory', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/leaky-http-server\.cjs.*: \d+\.\ds, \d+ samples every 50ms, 3 snapshots$/);
    // A panel each, with its own scale: RSS would flatten the heap's growth.
    const titles = lines.filter((l) => /^\s+(heap used|rss)$/.test(l)).map((l) => l.trim());
    expect(titles).toEqual(['heap used', 'rss']);
    const axis = lines.find((l) => l.includes('└'))!;
    const marks = lines.find((l) => l.endsWith('← snapshots'))!;
    const loadRow = lines.find((l) => l.endsWith('← load'))!;
    const ticks = [...axis].flatMap((ch, i) => (ch === '┴' ? [i] : []));
    expect(ticks).toHaveLength(3);
    // The numbers stand under the ticks, in order, and the load runs lie between them.
    expect(ticks.map((i) => marks[i])).toEqual(['1', '2', '3']);
    expect(loadRow.indexOf('═')).toBeGreaterThanOrEqual(ticks[0]!);
    expect(loadRow.lastIndexOf('═')).toBeLessThanOrEqual(ticks[2]!);
    // Ticks sit at the snapshots' times on one time scale.
    const duration = Math.max(series.samples.at(-1)!.t, series.snapshots.at(-1)!.tEnd);
    const columns = axis.length - axis.indexOf('└') - 1;
    ticks.forEach((at, i) => {
      const expected = Math.min(columns - 1, Math.floor((series.snapshots[i]!.t / duration) * columns));
      expect(at - axis.indexOf('└') - 1).toBe(expected);
    });
    for (const name of SNAPSHOTS) expect(result.stdout).toContain(name);
    expect(result.stdout).toMatch(/Heap used after GC/);
    // The chart's y axis labels are sizes.
    expect(lines.filter((l) => /^\s*[\d.]+ (B|kB|MB) [┤┼]/.test(l)).length).toBe(2 * 9);
  });

  test('--format csv: a row per sample and per snapshot, in time order', async () => {
    const result = await heapdiff(['memory', join(dir, 'memory.json'), '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['t_ms', 'heap_used', 'heap_total', 'external', 'array_buffers', 'rss', 'snapshot']);
    const body = rows.slice(1);
    expect(body).toHaveLength(series.samples.length + 3);
    expect(body.filter((r) => r[6] !== '').map((r) => r[6])).toEqual(SNAPSHOTS);
    const times = body.map((r) => Number(r[0]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const samples = body.filter((r) => r[6] === '');
    expect(samples.map((r) => Number(r[1]))).toEqual(series.samples.map((s) => s.heapUsed));
    expect(samples.every((r) => r.slice(0, 6).every((cell) => /^\d+(\.\d+)?$/.test(cell)))).toBe(true);
  });

  test('--json and --format json: memory.json as it is, valid against the schema', async () => {
    for (const flag of [['--json'], ['--format', 'json']]) {
      const result = await heapdiff(['memory', dir, ...flag]);
      expect(result.code, result.stderr).toBe(0);
      expect(MemorySeriesSchema.parse(JSON.parse(result.stdout))).toEqual(series);
    }
  });

  test('report on the recording draws its memory: samples and snapshot marks, not the command line', async () => {
    const out = join(work, 'memory-report.html');
    const result = await heapdiff(['report', ...SNAPSHOTS.map((f) => join(dir, f)), '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="heapdiff-data">([^<]*)<\/script>/.exec(html)![1]!) as { memory?: { samples: unknown[]; snapshots: Array<{ file: string }> } };
    expect(data.memory?.samples).toHaveLength(series.samples.length);
    expect(data.memory?.snapshots.map((m) => m.file)).toEqual(SNAPSHOTS);
    expect(html).not.toContain(SERVER);
  });

  test('no series, or not a series: one line, exit 2', async () => {
    const empty = join(work, 'empty');
    await mkdir(empty);
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{"version":1,"samples":"no"}');
    const cases: Array<[string, RegExp]> = [
      [empty, /^heapdiff: .*empty: no memory\.json here \(heapdiff record writes one beside its snapshots\)$/],
      [bad, /^heapdiff: .*bad\.json: not a memory series from heapdiff record \(.*\)$/],
      [join(dir, '1-baseline.heapsnapshot'), /^heapdiff: .*1-baseline\.heapsnapshot: not a memory series from heapdiff record/],
    ];
    for (const [path, message] of cases) {
      const result = await heapdiff(['memory', path]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('record --load that fails', () => {
  test('a run that exits non-zero is reported with its output, and the recording goes on', async () => {
    const out = join(work, 'failing-load');
    const result = await heapdiff(['record', '--count', '2', '--interval', '600ms', '--load', 'echo "no server at :9" >&2; exit 3', '--out-dir', out, '--', 'node', TARGET]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/load before 2-target: exited with code 3 after \d+\.\d s \(failed\)\n {4}load\| no server at :9\n/);
    expect(readdirSync(out).sort()).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', 'memory.json']);
  });

  test('a command that cannot run at all ends the recording at once: one line, exit 2', async () => {
    const out = join(work, 'missing-load');
    const result = await heapdiff(['record', '--count', '2', '--interval', '600ms', '--load', 'no-such-load-generator --rps 10', '--out-dir', out, '--', 'node', TARGET]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/heapdiff: --load: cannot run "no-such-load-generator --rps 10" \(.*not found.*\); kept 1 complete snapshot in /);
  });

  test('--load needs something between snapshots', async () => {
    const result = await heapdiff(['record', '--count', '1', '--load', 'true', '--out-dir', join(work, 'one'), '--', 'node', TARGET]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('heapdiff: --load runs between snapshots: it needs --count 2 or more');
  });
});
