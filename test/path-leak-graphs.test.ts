// Retainer paths as drawings: `path --dot` / `path -o` and `leaks --graph DIR` on the real
// leak-three snapshots. The DOT must lay out in (WASM) Graphviz and show the leaked class and its
// holder; files are written atomically, never over an input, and not at all when the command fails.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeHeap, loadSnapshot, sampleClassInstances } from '@heapdiff/core';
import { dotToLayoutJson } from '@heapdiff/graphviz-export';
import * as outputSchemas from '../packages/cli/dist/schemas.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

interface CliResult { code: number; stdout: string; stderr: string }
async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, PATH: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface GraphvizJson {
  objects?: { name: string; label?: string }[];
  edges?: { label?: string }[];
}

/** Lays the DOT out with the bundled WASM Graphviz (throws if it does not parse). */
async function layout(dot: string): Promise<{ labels: string; edgeLabels: string[]; nodes: number }> {
  const json = (await dotToLayoutJson(dot)) as GraphvizJson;
  return {
    labels: (json.objects ?? []).map((o) => o.label ?? '').join('\n'),
    edgeLabels: (json.edges ?? []).map((e) => e.label ?? ''),
    nodes: (json.objects ?? []).length,
  };
}

let snapshots: string[];
let leakyId: number;
let dir: string;

beforeAll(async () => {
  snapshots = await makeSnapshot('leak-three');
  const analysis = analyzeHeap((await loadSnapshot(snapshots[2]!)).graph);
  leakyId = analysis.graph.nodeId[sampleClassInstances(analysis, 'LeakyRequest', 1)[0]!]!;
  dir = await mkdtemp(join(tmpdir(), 'heapdiff-path-graphs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('heapdiff path --dot / -o', () => {
  test('--dot prints DOT that Graphviz lays out: the LeakyRequest and its holder', async () => {
    const r = await cli('path', snapshots[2]!, '--id', `@${leakyId}`, '--dot');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph heapdiff {')).toBe(true);
    const { labels, edgeLabels } = await layout(r.stdout);
    expect(labels).toContain(`LeakyRequest</B>&#160;@${leakyId}`);
    expect(edgeLabels).toContain('leakedRequests');
    // Same steps as the text path, one node each.
    const text = await cli('path', snapshots[2]!, '--id', String(leakyId));
    const steps = text.stdout.trim().split('\n').length;
    expect((await layout(r.stdout)).nodes).toBe(steps);
  });

  test('-o writes .dot, .svg and .png without a system Graphviz, atomically', async () => {
    for (const name of ['p.dot', 'p.svg', 'p.png']) {
      const r = await cli('path', snapshots[2]!, '--id', `@${leakyId}`, '-o', join(dir, name));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/: \d+ objects, \d+ references\n$/);
    }
    await layout(await readFile(join(dir, 'p.dot'), 'utf8'));
    expect(await readFile(join(dir, 'p.svg'), 'utf8')).toContain('leakedRequests');
    expect([...(await readFile(join(dir, 'p.png'))).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('-o with another extension writes the text (or the --format) output', async () => {
    const text = join(dir, 'path.txt');
    expect((await cli('path', snapshots[2]!, `@${leakyId}`, '-o', text)).code).toBe(0);
    expect(await readFile(text, 'utf8')).toMatch(new RegExp(`LeakyRequest @${leakyId}\\n$`));
  });

  test('bad usage exits 2 with one line and writes nothing', async () => {
    const before = await readFile(snapshots[2]!);
    const cases = [
      ['--id', `@${leakyId}`, '-o', snapshots[2]!],
      ['--id', `@${leakyId}`, '-o', join(dir, 'bad.svg'), '--format', 'csv'],
      ['--id', `@${leakyId}`, '--dot', '--json'],
      ['--id', '@999999999', '-o', join(dir, 'missing.svg')],
    ];
    for (const args of cases) {
      const r = await cli('path', snapshots[2]!, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^heapdiff: /);
    }
    expect((await readFile(snapshots[2]!)).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'bad.svg'))).toBe(false);
    expect(existsSync(join(dir, 'missing.svg'))).toBe(false);
  });
});

describe('heapdiff leaks --graph DIR', () => {
  test('one DOT and one SVG per group, named by rank and class; the LeakyRequest drawing shows its holder', async () => {
    const out = join(dir, 'graphs');
    const r = await cli('leaks', '--by', 'class', ...snapshots, '--out-dir', out, '--limit', '4', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = outputSchemas.LeaksByClassSchema.parse(JSON.parse(r.stdout));
    expect(json.groups).toHaveLength(4);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(8);
    json.groups.forEach((g, i) => {
      expect(g.graph).toBeDefined();
      expect(basename(g.graph!.svg)).toMatch(new RegExp(`^0${i + 1}-[A-Za-z0-9_-]+\\.svg$`));
      expect(files).toContain(basename(g.graph!.dot));
      expect(files).toContain(basename(g.graph!.svg));
    });
    const leaky = json.groups.find((g) => g.name === 'LeakyRequest')!;
    expect(basename(leaky.graph!.svg)).toMatch(/^0\d-LeakyRequest\.svg$/);
    const dot = await readFile(leaky.graph!.dot, 'utf8');
    const { labels, edgeLabels } = await layout(dot);
    expect(labels).toContain('LeakyRequest</B>');
    expect(edgeLabels).toContain('leakedRequests');
    // Every path of the group is in the drawing.
    for (const step of leaky.paths.flat()) expect(labels).toContain(`@${step.nodeId}`);
    const svg = await readFile(leaky.graph!.svg, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('leakedRequests');
    // Every file lays out (the DOT) or is an SVG document.
    for (const f of files) {
      const text = await readFile(join(out, f), 'utf8');
      if (f.endsWith('.dot')) await layout(text);
      else expect(text).toMatch(/<\/svg>\s*$/);
    }
  });

  test('text output says where the drawings went', async () => {
    const out = join(dir, 'graphs-text');
    const r = await cli('leaks', '--by', 'class', snapshots[0]!, snapshots[1]!, '--out-dir', out, '--limit', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Retainer graphs of the 2 groups \(DOT and SVG\) in .*graphs-text: 01-\w+\.svg/);
    expect(await readdir(out)).toHaveLength(4);
  });

  test('on error nothing is written: invalid snapshot, DIR that is a file, bad threshold', async () => {
    const bad = join(dir, 'bad.heapsnapshot');
    await writeFile(bad, '{"snapshot": {"meta": ');
    const notDir = join(dir, 'plain-file');
    await writeFile(notDir, 'keep me');
    const out = join(dir, 'never');
    const cases: [string[], string][] = [
      [[snapshots[0]!, bad, '--out-dir', out], out],
      [[bad, snapshots[1]!, '--out-dir', out], out],
      [[snapshots[0]!, snapshots[1]!, '--out-dir', notDir], notDir],
      [[snapshots[0]!, snapshots[1]!, '--out-dir', out, '--threshold', 'lots'], out],
    ];
    for (const [args] of cases) {
      const r = await cli('leaks', '--by', 'class', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^heapdiff: /);
    }
    expect(existsSync(out)).toBe(false);
    expect(await readFile(notDir, 'utf8')).toBe('keep me');
  });

  test('a file that cannot be written leaves no partial set: a name taken by a directory', async () => {
    const probe = join(dir, 'probe');
    expect((await cli('leaks', ...snapshots, '--out-dir', probe, '--limit', '4')).code).toBe(0);
    const names = (await readdir(probe)).sort();
    expect(names).toHaveLength(8);
    const out = join(dir, 'blocked');
    await mkdir(out);
    // The last file of the set is taken: every other one could have been written before it.
    const taken = names.at(-1)!;
    await mkdir(join(out, taken));
    const r = await cli('leaks', ...snapshots, '--out-dir', out, '--limit', '4');
    expect(r.code, r.stdout).toBe(2);
    expect(await readdir(out)).toEqual([taken]);
    expect(r.stderr).toMatch(new RegExp(`^heapdiff: --out-dir .*blocked: cannot write ${taken.replace(/[.]/g, '\\.')} \\(EISDIR\\)\n$`));
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('an unwritable directory: one error line, nothing written', async () => {
    // Root writes anywhere a mode allows nothing; /proc/self takes no new files even from root.
    const root = process.getuid?.() === 0;
    const out = root ? '/proc/self' : join(dir, 'locked');
    if (!root) {
      await mkdir(out);
      await chmod(out, 0o555);
    }
    const before = await readdir(out);
    const r = await cli('leaks', ...snapshots, '--out-dir', out, '--limit', '4');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^heapdiff: --out-dir .+: cannot write in the directory \(\w+\)\n$/);
    expect(await readdir(out)).toEqual(before);
  });
});
