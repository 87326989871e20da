// Issue 14.1's table: every command with every shared option. Where an option applies, the row
// checks what it does; where it does not, the command refuses it as an unknown option (exit 2)
// instead of ignoring it. Every command's --help lists the shared options it takes, and bad
// values are usage errors with one line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { analyzeHeap, loadSnapshot, sampleClassInstances } from '@heapdiff/core';
import { CLI } from './fuzz/cli-contract.js';
import { makeSnapshot } from './helpers/snapshots.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ANSI = /\u001b\[/;

/** heapdiff with stdout piped; colour from the flags and `env` only (vitest sets NO_COLOR=1). */
function heapdiff(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(args: string[], env?: Record<string, string>): Promise<Run> {
  const run = await heapdiff(args, env);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run;
}

async function unknownOption(args: string[], option: string): Promise<void> {
  const run = await heapdiff(args);
  expect(run.code, args.join(' ')).toBe(2);
  expect(run.stderr).toMatch(new RegExp(`^heapdiff: unknown option ${option} for \\w+`));
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

let s1: string;
let s2: string;
let s3: string;
let leakyId: number;
const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'shared-options-'));
let fileCount = 0;
const file = (ext: string): string => join(dir, `out-${++fileCount}.${ext}`);

beforeAll(async () => {
  [s1, s2, s3] = (await makeSnapshot('leak-three')) as [string, string, string];
  const analysis = analyzeHeap((await loadSnapshot(s3)).graph);
  leakyId = analysis.graph.nodeId[sampleClassInstances(analysis, 'LeakyRequest', 1)[0]!]!;
});

/** The class-table commands: how to run them and read their rows from --json. */
interface TableCommand {
  args: () => string[];
  rows: (json: any) => { name: string }[];
  /** A sort value other than the default, and the order it promises. */
  sort: [string, (a: any, b: any) => boolean];
  /** What --min-size compares. */
  size: (row: any) => number;
  minSize: string;
  /** A class with rows in this command's output. */
  className: () => string;
}

const lastMinusFirst = (c: { sizes: number[] }): number => c.sizes[c.sizes.length - 1]! - c.sizes[0]!;
const tables: Record<string, TableCommand> = {
  summary: {
    args: () => ['summary', s3], rows: (j) => j.classes, sort: ['count', (a, b) => a.count >= b.count],
    size: (c) => c.retainedSize, minSize: '10kB', className: () => 'LeakyRequest',
  },
  diff: {
    args: () => ['diff', s1, s3], rows: (j) => j.classes, sort: ['count', (a, b) => a.countDelta >= b.countDelta],
    size: (c) => Math.abs(c.sizeDelta), minSize: '10kB', className: () => 'LeakyRequest',
  },
  growth: {
    args: () => ['growth', s1, s2, s3], rows: (j) => j.classes, sort: ['size', (a, b) => lastMinusFirst(a) >= lastMinusFirst(b)],
    size: (c) => Math.abs(lastMinusFirst(c)), minSize: '10kB', className: () => 'LeakyRequest',
  },
  orphans: {
    args: () => ['orphans', s3], rows: (j) => j.groups, sort: ['count', (a, b) => a.count >= b.count],
    size: (g) => g.retainedSize, minSize: '100B', className: () => orphanClass,
  },
};
let orphanClass = '';

const json = async (args: string[]): Promise<any> => JSON.parse((await ok([...args, '--json'])).stdout);

describe.each(Object.entries(tables))('%s', (command, t) => {
  let all: any[];
  beforeAll(async () => {
    all = t.rows(await json([...t.args(), '--limit', '0']));
    if (command === 'orphans') orphanClass = all[0]!.name;
  });

  test('--class REGEX keeps matching classes only', async () => {
    const name = t.className();
    const kept = t.rows(JSON.parse((await ok([...t.args(), '--class', `^${name}$`, '--limit', '0', '--format', 'json'])).stdout));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((r) => r.name === name)).toBe(true);
  });

  test('--ignore REGEX, --sort, --min-size SIZE (in one run)', async () => {
    const name = t.className();
    const rows = t.rows(await json([...t.args(), '--ignore', `^${name}$`, '--sort', t.sort[0], '--min-size', t.minSize, '--limit', '0']));
    const bytes = t.minSize === '10kB' ? 10_000 : 100;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toHaveLength(all.filter((r) => r.name !== name && t.size(r) >= bytes).length);
    expect(rows.every((r) => r.name !== name && t.size(r) >= bytes)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(t.sort[1](rows[i - 1], rows[i])).toBe(true);
  });

  test('--limit N with --format csv', async () => {
    const lines = (await ok([...t.args(), '--format', 'csv', '--limit', '1'])).stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^name,key,/);
    expect(lines).toHaveLength(2);
    expect(all.length).toBeGreaterThan(1);
  });

  test('-o FILE writes the output there (the extension picks the format), nothing on stdout', async () => {
    const out = file('csv');
    expect((await ok([...t.args(), '-o', out, '--limit', '2'])).stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  test('--color (over NO_COLOR) with notes and hints; --no-color (over FORCE_COLOR) --quiet: only the table', async () => {
    const loud = await ok([...t.args(), '--limit', '1', '--ignore', 'NoSuchClassAnywhere', '--color'], { NO_COLOR: '1' });
    expect(loud.stdout).toMatch(ANSI);
    expect(loud.stdout).toContain('(--limit 0 shows all)');
    expect(loud.stdout).toContain('heapsnapshot');
    expect(loud.stderr).toBe('heapdiff: note: --ignore NoSuchClassAnywhere matches no class\n');
    const quiet = await ok([...t.args(), '--limit', '1', '--ignore', 'NoSuchClassAnywhere', '--no-color', '--quiet'], { FORCE_COLOR: '1' });
    expect(quiet.stdout).not.toMatch(ANSI);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout.split('\n').filter(Boolean)).toHaveLength(2); // the header row and one row
    expect(quiet.stdout).toMatch(/^Class\s/);
  });
});

describe('path and inspect: one object, as a positional or with --id', () => {
  test.each(['path', 'inspect'])('%s: @id and --id say the same; -o FILE (.json picks JSON)', async (command) => {
    const out = file('json');
    expect((await ok([command, s3, '--id', String(leakyId), '-o', out, '--quiet'])).stdout).toBe('');
    const a = await ok([command, s3, `@${leakyId}`, '--json', ...(command === 'inspect' ? ['--limit', '50'] : [])]);
    expect(readFileSync(out, 'utf8')).toBe(a.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject(command === 'path' ? { nodeId: leakyId } : { node: { nodeId: leakyId } });
  });

  test.each(['path', 'inspect'])('%s: --format csv, --color', async (command) => {
    const csv = await ok([command, s3, `@${leakyId}`, '--format', 'csv', ...(command === 'inspect' ? ['--limit', '1'] : [])]);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(command === 'path' ? /^step,nodeId,name,/ : /^direction,edge,/);
    // inspect --limit 1: one edge and one retainer.
    if (command === 'inspect') expect(lines.map((l) => l.split(',')[0])).toEqual(['direction', 'edge', 'retainer']);
    else expect(lines.at(-1)).toContain(String(leakyId));
    if (command === 'inspect') expect((await ok([command, s3, `@${leakyId}`, '--color', '--limit', '1'])).stdout).toMatch(ANSI);
  });

  test.each([
    ['path', '--class'], ['path', '--ignore'], ['path', '--sort'], ['path', '--min-size'], ['path', '--limit'], ['path', '--out-dir'],
    ['inspect', '--class'], ['inspect', '--ignore'], ['inspect', '--sort'], ['inspect', '--min-size'], ['inspect', '--out-dir'],
  ])('%s refuses %s', async (command, option) => unknownOption([command, s3, `@${leakyId}`, option, 'x'], option));

  test('two ids for one object is a usage error', async () => {
    const run = await heapdiff(['path', s3, `@${leakyId}`, '--id', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('heapdiff: path takes one object id, got 2\n');
  });
});

describe('backrefs and refs', () => {
  test.each(['backrefs', 'refs'])('%s: ids as positionals (and --id), -o FILE, --quiet, --class for the start objects', async (command) => {
    const dot = await ok([command, s3, `@${leakyId}`, '--max-depth', '1', '--color']);
    expect(dot.stdout).toMatch(/^digraph/);
    expect(dot.stdout).not.toMatch(ANSI); // DOT is not coloured
    const quiet = file('dot');
    expect(await ok([command, s3, '--id', String(leakyId), '--max-depth', '1', '-o', quiet, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(quiet, 'utf8')).toBe(dot.stdout);
    const svg = file('svg');
    const drawn = await ok([command, s3, '--class', 'LeakyRequest', '--sample', '1', '--max-depth', '1', '-o', svg]);
    expect(drawn.stdout).toMatch(/: \d+ objects?, \d+ references?\n$/);
    expect(readFileSync(svg, 'utf8')).toContain('LeakyRequest');
  });

  test.each([
    ['backrefs', '--ignore'], ['backrefs', '--sort'], ['backrefs', '--min-size'], ['backrefs', '--limit'], ['backrefs', '--format'], ['backrefs', '--out-dir'],
    ['refs', '--ignore'], ['refs', '--sort'], ['refs', '--min-size'], ['refs', '--limit'], ['refs', '--format'], ['refs', '--out-dir'],
  ])('%s refuses %s', async (command, option) => unknownOption([command, s3, `@${leakyId}`, option, 'x'], option));
});

describe('report', () => {
  const data = (html: string): any => JSON.parse(/<script type="application\/json" id="heapdiff-data">([^<]*)<\/script>/.exec(html)![1]!);

  test('<snapshots..>, -o FILE, --class, --ignore, --min-size, --limit, --quiet', async () => {
    const out = file('html');
    const run = await ok(['report', s1, s2, s3, '-o', out, '--class', 'Leaky|Listener', '--ignore', 'Listener', '--min-size', '1kB', '--limit', '2', '--quiet']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync(out).mode & 0o777).toBe(0o600); // the report holds the heap's data
    const d = data(readFileSync(out, 'utf8'));
    expect(d.summaries).toHaveLength(3);
    for (const rows of [...d.summaries.map((s: any) => s.classes), d.diff.classes, d.growth.classes]) {
      expect(rows.length).toBeLessThanOrEqual(2);
      for (const row of rows) expect(row.name).toMatch(/Leaky/);
    }
    expect(d.diff.classes.length).toBeGreaterThan(0);
    const loud = await ok(['report', s1, s3, '-o', file('html'), '--color']);
    expect(loud.stdout).toMatch(/: 2 snapshots, (no leak|\d+ leaks? \(.+\))\n$/);
  });

  test.each(['--sort', '--format', '--out-dir'])('refuses %s', async (option) => unknownOption(['report', s1, s3, '-o', file('html'), option, 'x'], option));
});

describe('demo', () => {
  test('--out-dir DIR, --quiet: only the files it wrote (-o DIR, deprecated: args/shared-options.test.ts)', async () => {
    const out = join(dir, 'demo-out');
    const run = await ok(['demo', '--out-dir', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['Snapshots written', 'Report written', 'Graph written']);
    for (const name of ['1-baseline.heapsnapshot', '3-final.heapsnapshot', 'demo-report.html', 'demo-retainers.svg']) expect(existsSync(join(out, name)), name).toBe(true);
  });

  test.each(['--class', '--limit', '--format', '--sort', '--min-size'])('refuses %s', async (option) => unknownOption(['demo', option, 'x'], option));
});

describe('bad values are usage errors: exit 2, one line, before any snapshot is read', () => {
  test.each([
    [['summary', 'missing.heapsnapshot', '--limit', 'abc'], '--limit: expected a whole number'],
    [['summary', 'missing.heapsnapshot', '--limit', '-5'], '--limit: expected a whole number'],
    [['summary', 'missing.heapsnapshot', '--limit', ''], '--limit: expected a whole number'],
    [['summary', 'missing.heapsnapshot', '--limit', '1.5'], '--limit: expected a whole number'],
    [['summary', 'missing.heapsnapshot', '--limit'], '--limit needs a value'],
    [['diff', 'a', 'b', '--min-size', '3 parsecs'], '--min-size: expected a size like'],
    [['diff', 'a', 'b', '--min-size', '3', 'parsecs'], 'unexpected argument "parsecs"'],
    [['growth', 'a', 'b', '--sort', 'bogus'], '--sort: expected steady, count, size, name, got "bogus"'],
    [['orphans', 'a', '--format', 'xml'], '--format: expected table, json, csv, got "xml"'],
    [['summary', 'a', '--json', '--format', 'csv'], '--json is --format json'],
    [['summary', 'a', '--class', '('], '--class: Invalid regular expression'],
    [['inspect', 'a', 'abc'], '"abc" is not an object id'],
    [['report', 'a', 'b', '-o', 'r.html', '--threshold-count', 'abc'], '--threshold-count: expected a whole number'],
    [['report', 'a', 'b', '-o', 'r.html', '--limit', '-1'], '--limit: expected a whole number'],
    [['backrefs', 'a', '@1', '--max-depth', 'abc'], '--max-depth: expected a whole number'],
    [['refs', 'a', '@1', '--too-many', '0'], '--too-many: expected a whole number (1 or more)'],
  ])('%j', async (args, message) => {
    const run = await heapdiff(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`heapdiff: ${message}`);
  });
});

describe('--help', () => {
  const commands = ['summary', 'diff', 'leaks', 'suspects', 'growth', 'orphans', 'path', 'inspect', 'backrefs', 'refs', 'memory', 'report', 'demo', 'record'];
  const shared: Record<string, string[]> = {
    summary: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output'],
    diff: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output'],
    growth: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output'],
    orphans: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output'],
    path: ['--format', '--json', '--output'],
    inspect: ['--limit', '--format', '--json', '--output'],
    backrefs: ['--output'],
    refs: ['--output'],
    report: ['--class', '--ignore', '--min-size', '--limit', '--output'],
    leaks: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output', '--out-dir'],
    suspects: ['--class', '--ignore', '--sort', '--min-size', '--limit', '--format', '--json', '--output'],
    memory: ['--format', '--json', '--output'],
    demo: ['--out-dir'],
    record: ['--out-dir'],
  };

  test.each(commands)('%s --help lists its shared options, with --color and --quiet', async (command) => {
    const { stdout } = await ok([command, '--help']);
    for (const option of ['--color', '--quiet']) expect(stdout).toContain(option);
    if (shared[command]) {
      const group = stdout.slice(stdout.indexOf('Shared options:'), stdout.indexOf('\n\n', stdout.indexOf('Shared options:')));
      for (const option of [...shared[command], '--color', '--quiet']) expect(group, option).toContain(option);
    }
  });

  test.each(commands.flatMap((c) => [[c, '80'], [c, '120']]))(
    '%s --help at %s columns: every example command on one line', async (command, columns) => {
      const { stdout } = await ok([command, '--help'], { COLUMNS: columns });
      const examples = stdout.slice(stdout.indexOf('Examples:')).split('\n\n')[0]!.split('\n').slice(1).filter(Boolean);
      expect(examples.length).toBeGreaterThan(0);
      for (const line of examples) expect(line, line).toMatch(/^ {2}(heapdiff |# )/);
      for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(Number(columns));
    },
  );
});

describe('leaks', () => {
  test('<snapshots..> (2 and 3), --class, --ignore, --sort, --min-size, --limit, --format csv|json, -o FILE, --quiet', async () => {
    const all = JSON.parse((await ok(['leaks', s1, s2, s3, '--json', '--limit', '0'])).stdout);
    expect(all.leaks.length).toBeGreaterThan(1);
    // --class keeps the holders of LeakyRequest objects (or LeakyRequest holders), --ignore drops them.
    const only = JSON.parse((await ok(['leaks', s1, s2, s3, '--format', 'json', '--class', 'LeakyRequest'])).stdout);
    expect(only.leaks.length).toBeGreaterThan(0);
    for (const e of only.leaks) expect([e.holder.className, ...e.members.map((c: { name: string }) => c.name)]).toContain('LeakyRequest');
    const ignored = JSON.parse((await ok(['leaks', s1, s2, s3, '--json', '--limit', '0', '--ignore', 'LeakyRequest'])).stdout);
    expect(ignored.leaks.length).toBeLessThan(all.leaks.length);
    const byCount = JSON.parse((await ok(['leaks', s1, s2, s3, '--json', '--sort', 'count', '--limit', '0'])).stdout);
    const counts = byCount.leaks.map((e: { memberCount: number }) => e.memberCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const big = JSON.parse((await ok(['leaks', s1, s2, s3, '--json', '--min-size', '1kB', '--limit', '1'])).stdout);
    expect(big.leaks).toHaveLength(1);
    expect(big.leaks[0].memberRetainedSize).toBeGreaterThanOrEqual(1000);
    const csv = file('csv');
    expect(await ok(['leaks', s1, s3, '-o', csv, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('holder,where,className,nodeId,kind,entries,verdict,retainedSize,memberCount,memberRetainedSize');
    const byClass = await ok(['leaks', s1, s2, s3, '--by', 'class', '--format', 'csv', '--class', 'LeakyRequest']);
    expect(byClass.stdout.split('\r\n').filter(Boolean).slice(1).map((l) => l.split(',')[0])).toEqual(['LeakyRequest']);
    const quiet = await ok(['leaks', s1, s2, s3, '--quiet', '--limit', '1']);
    expect(quiet.stdout).not.toContain('Next:');
    expect((await ok(['leaks', s1, s2, s3, '--class', 'NoSuchClassAnywhere'])).stderr).toMatch(/note: .*NoSuchClassAnywhere/);
  });

  test('--color colours the verdict; --no-color and files do not', async () => {
    expect((await ok(['leaks', s1, s2, s3, '--color', '--limit', '1'])).stdout).toMatch(ANSI);
    expect((await ok(['leaks', s1, s2, s3, '--no-color', '--limit', '1'])).stdout).not.toMatch(ANSI);
  });

  test('--out-dir DIR draws each entry; --graph DIR still works, noted as deprecated', async () => {
    const out = join(dir, 'leaks-drawings');
    const run = await ok(['leaks', s1, s2, s3, '--limit', '1', '--out-dir', out]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(out);
    // Drawn from the heap, so as private as the snapshots.
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(out)) expect(statSync(join(out, name)).mode & 0o777, name).toBe(0o600);
    // The command to run next names the snapshot as it was given, so it runs from here.
    expect(run.stdout).toContain(`Next: heapdiff path ${s3} @`);
    const old = join(dir, 'leaks-drawings-old');
    const legacy = await ok(['leaks', s1, s2, s3, '--limit', '1', '--graph', old]);
    expect(legacy.stderr).toContain(`heapdiff: note: --graph DIR is deprecated here; use --out-dir ${old}`);
    expect(existsSync(old)).toBe(true);
  });
});

describe('suspects', () => {
  test('--class, --sort, --min-size, --limit, --format csv|json, -o FILE, --quiet', async () => {
    const all = JSON.parse((await ok(['suspects', s3, '--json', '--limit', '0', '--min-share', '0.5%'])).stdout);
    expect(all.suspects.length).toBeGreaterThan(0);
    const one = JSON.parse((await ok(['suspects', s3, '--format', 'json', '--limit', '1', '--min-share', '0.5%'])).stdout);
    expect(one.suspects).toHaveLength(1);
    const byCount = JSON.parse((await ok(['suspects', s3, '--json', '--sort', 'count', '--limit', '0', '--min-share', '0.5%'])).stdout);
    const counts = byCount.suspects.map((x: { objectCount: number }) => x.objectCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const huge = JSON.parse((await ok(['suspects', s3, '--json', '--min-size', '1GB'])).stdout);
    expect(huge.suspects).toEqual([]);
    const csv = file('csv');
    expect(await ok(['suspects', s3, '-o', csv, '--quiet', '--min-share', '0.5%'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('holder,where,className,nodeId,retainedSize,share,objectCount');
    expect((await ok(['suspects', s3, '--class', 'NoSuchClassAnywhere'])).stderr).toMatch(/note: .*NoSuchClassAnywhere/);
  });

  test.each(['--out-dir', '--graph'])('refuses %s', async (option) => unknownOption(['suspects', s3, option, 'x'], option));
});

describe('memory', () => {
  test.each(['--class', '--limit', '--sort', '--min-size'])('refuses %s', async (option) => unknownOption(['memory', dir, option, 'x'], option));
});
