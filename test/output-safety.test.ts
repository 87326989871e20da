// Output safety on a heap full of hostile strings (test/scenarios/hostile-strings.cjs): terminal
// escapes, `<img onerror>` and DOT breakouts as property names, class names and string values.
// - Every command's terminal output escapes control characters, ANSI sequences and bidi overrides.
// - DOT keeps hostile labels inside their strings; SVG and the HTML report carry no live markup.
// - `--redact` keeps a secret string value out of every output (text, JSON, DOT, SVG, HTML).
// - `-o` never overwrites an input snapshot and leaves no partial file after an error or Ctrl-C.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { analyzeHeap, loadSnapshot, nodeDisplayName, type HeapAnalysis } from '@heapdiff/core';
import { dotToLayoutJson } from '@heapdiff/graphviz-export';
import { outputSchemas } from '../packages/cli/dist/schemas.js';
import { cli, cliAll } from './helpers/cli-runs.js';
import { makeSnapshot } from './helpers/snapshots.js';

/** The scenario's secret, built by the same recipe (it exists nowhere as a literal). */
const SECRET = ['sk', 'live', (20240611).toString(36), (987654321).toString(16)].join('_');
const ESC = String.fromCharCode(27);
/** Raw characters that must never reach a terminal from heap strings (\n and \t are heapdiff's own). */
const UNSAFE_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const REDACTED = /<string len=\d+ #[0-9a-f]{8}>/;

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'output-safety-'));
let before: string;
let after: string;
/** Objects named by a hostile Symbol.toStringTag. */
let hostileIds: number[];
/** The object holding the secret in three string shapes, and the plain secret string. */
let holderId: number;
let secretId: number;

function findIds(a: HeapAnalysis): void {
  const g = a.graph;
  hostileIds = [];
  for (let o = 0; o < g.nodeCount; o++) {
    const name = g.nodeName(o);
    if (g.nodeTypeName(o) === 'object' && (name.includes(`${ESC}[31m`) || name.includes('onerror') || name.includes('evil ->') || name.includes('\r'))) {
      hostileIds.push(g.nodeId[o]!);
    }
    if (g.nodeTypeName(o) === 'string' && name === SECRET) secretId = g.nodeId[o]!;
    for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
      if (g.edgeTypeName(e) === 'property' && g.edgeName(e) === 'concatenated') holderId = g.nodeId[o]!;
    }
  }
}

beforeAll(async () => {
  [before, after] = (await makeSnapshot('hostile-strings')) as [string, string];
  findIds(analyzeHeap((await loadSnapshot(after)).graph));
  expect(hostileIds.length).toBeGreaterThanOrEqual(4);
  expect(holderId).toBeGreaterThan(0);
  expect(secretId).toBeGreaterThan(0);
});

/** Every command with text output, on the hostile heap. */
function textCommands(): [string, string[]][] {
  return [
    ['summary', ['summary', after, '--limit', '0']],
    ['diff', ['diff', before, after, '--limit', '0']],
    ['leaks', ['leaks', before, after, '--limit', '0', '--paths', '10']],
    ['growth', ['growth', before, after, '--all', '--limit', '0']],
    ['orphans', ['orphans', after, '--limit', '0']],
    ...hostileIds.slice(0, 2).map((id): [string, string[]] => [`path @${id}`, ['path', after, '--id', String(id)]]),
    ...hostileIds.slice(0, 2).map((id): [string, string[]] => [`inspect @${id}`, ['inspect', after, '--id', String(id), '--limit', '0']]),
    [`inspect the secret holder`, ['inspect', after, '--id', String(holderId), '--limit', '0']],
  ];
}

describe('terminal output', () => {
  test('of every command escapes control characters, ANSI sequences and bidi overrides from the heap', async () => {
    const shown: string[] = [];
    const commands = textCommands();
    const runs = await cliAll(commands.map(([, args]) => args));
    for (const [i, [label]] of commands.entries()) {
      const run = runs[i]!;
      expect(run.code, `${label}: ${run.stderr}`).toBe(0);
      expect(run.stdout.length, label).toBeGreaterThan(0);
      const bad = UNSAFE_TERMINAL.exec(run.stdout + run.stderr);
      expect(bad, `${label} printed U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`).toBeNull();
      shown.push(run.stdout);
    }
    // The hostile strings were printed, visibly escaped: the check above saw them.
    const all = shown.join('\n');
    expect(all).toContain('\\u001b[31mred');
    expect(all).toContain('over\\rwrite');
    expect(all).toContain('bidi\\u202egnp.exe');
  });

  test('error messages escape what they quote from the file and the command line', async () => {
    const file = join(dir, `bad${ESC}[2Jname\r.heapsnapshot`);
    const run = await cli('summary', file);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(UNSAFE_TERMINAL);
    expect(run.stderr).toContain('\\u001b[2Jname\\r');
    // A top-level key is quoted in a syntax error: a file can put anything there.
    const key = join(dir, 'hostile-key.heapsnapshot');
    writeFileSync(key, `{"a${ESC}[31m\nx" 1}`);
    const keyRun = await cli('summary', key);
    expect(keyRun.code).toBe(2);
    expect(keyRun.stderr).toBe(`heapdiff: ${key}: expected ':' after "a\\u001b[31m\\nx", found '1' (at byte 12)\n`);
  });

  test('--json writes C1 controls, bidi controls and U+2028/9 as \\u escapes (JSON.stringify leaves them raw)', async () => {
    const raw = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const runs = [
      await cli('summary', after, '--json', '--limit', '0'),
      await cli('diff', before, after, '--format', 'json', '--limit', '0'),
      await cli('inspect', after, String(holderId), '--json', '--limit', '0'),
      ...await Promise.all(hostileIds.slice(0, 3).map((id) => cli('inspect', after, String(id), '--json'))),
    ];
    const all = runs.map((r) => r.stdout).join('\n');
    for (const run of runs) expect(run.code).toBe(0);
    expect(all).not.toMatch(raw);
    for (const escape of ['\\u009b', '\\u0085', '\\u2028', '\\u2029', '\\u202e', '\\u200f', '\\u061c']) expect(all).toContain(escape);
    // The escapes mean the same characters: the documents still parse to the heap's strings.
    const summary = JSON.parse(runs[0]!.stdout) as { classes: { name: string }[] };
    expect(summary.classes.map((c) => c.name)).toContain('c1\u009b31mcsi\u0085nel');
  });

  test('--format csv: RFC 4180 quoting, formulas defused, controls visible', async () => {
    const run = await cli('summary', after, '--format', 'csv', '--limit', '0');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('name,key,count,selfSize,retainedSize');
    expect(lines.at(-1)).toBe('');
    // A class named by a formula starts with a quote mark; its own quotes are doubled inside a quoted cell.
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://evil.example/"",""open"")",`))).toBe(true);
    expect(lines.some((l) => l.startsWith("'@SUM(1+1),"))).toBe(true);
    expect(lines.some((l) => /^[=+\-@]/.test(l))).toBe(false);
    expect(lines.join('\n')).not.toMatch(UNSAFE_TERMINAL); // CRLF ends records, as RFC 4180 has it
    expect(run.stdout).toContain('c1\\u009b31mcsi\\u0085nel');
  });

  test('--json outputs stay one JSON document each, of exactly the published shape', async () => {
    const schemas = await outputSchemas();
    for (const args of [['summary', after, '--json'], ['leaks', before, after, '--json'], ['inspect', after, '--id', String(hostileIds[0]), '--json']]) {
      const run = await cli(...args);
      expect(run.code).toBe(0);
      const json: unknown = JSON.parse(run.stdout);
      // zod drops keys a schema does not name: equal after parsing means nothing extra, nothing missing.
      expect(schemas[args[0]!]!.parse(json)).toEqual(json);
    }
  });
});

describe('drawings and the report', () => {
  test('DOT from backrefs, refs and path keeps hostile labels inside their strings', async () => {
    const dots = [
      (await cli('backrefs', after, '--id', ...hostileIds.map(String), '--max-depth', '2')).stdout,
      (await cli('refs', after, '--id', String(holderId), '--id', ...hostileIds.map(String))).stdout,
      (await cli('path', after, '--id', String(hostileIds[0]), '--dot')).stdout,
    ];
    for (const dot of dots) {
      expect(dot).toMatch(/^digraph /);
      expect(dot).not.toMatch(UNSAFE_TERMINAL);
      // Graphviz parses it, and every node it finds is one heapdiff declared: none came from a label.
      const layout = (await dotToLayoutJson(dot)) as { objects?: { name: string }[] };
      const names = (layout.objects ?? []).map((o) => o.name);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^(n|more)[\w@-]+$/);
      expect(names).not.toContain('evil');
      expect(names).not.toContain('x');
    }
  });

  test('SVG and the HTML report carry no markup or control characters from the heap', async () => {
    const svg = join(dir, 'hostile.svg');
    expect((await cli('backrefs', after, '--id', ...hostileIds.map(String), '-o', svg)).code).toBe(0);
    const html = join(dir, 'hostile.html');
    const report = await cli('report', before, after, '-o', html);
    expect(report.code, report.stderr).toBe(0);
    for (const text of [readFileSync(svg, 'utf8'), readFileSync(html, 'utf8')]) {
      expect(text).not.toContain('<img src=x onerror');
      expect(text).not.toContain(ESC);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    // There, escaped: DevTools shortens tag-like class names to `<img>`.
    expect(readFileSync(svg, 'utf8')).toContain('&lt;img&gt;');
  });
});

describe('--redact', () => {
  test('loadSnapshot({ redact }) replaces string values, keeps property and class names', async () => {
    const plain = analyzeHeap((await loadSnapshot(after)).graph);
    const redacted = analyzeHeap((await loadSnapshot(after, { redact: true })).graph);
    const g = redacted.graph;
    const stringTypes = new Set(['string', 'concatenated string', 'sliced string']);
    const values = new Set<string>();
    for (let o = 0; o < g.nodeCount; o++) {
      const name = nodeDisplayName(g, redacted.domState, o);
      expect(name).not.toContain(SECRET);
      if (stringTypes.has(g.nodeTypeName(o)) && g.nodeName(o) !== '(sliced string)') {
        expect(name, g.nodeTypeName(o)).toMatch(new RegExp(`^${REDACTED.source}$`));
        values.add(name);
      }
    }
    expect(values.size).toBeGreaterThan(100);
    // The plain secret has its stand-in (keyed per run: test/redact-values.test.ts checks the key).
    expect([...values].some((v) => v.startsWith(`<string len=${SECRET.length} #`))).toBe(true);
    // Names are the program's structure, not its data: they stay, and so do the classes.
    expect(redacted.classes.names).toEqual(plain.classes.names);
    const edgeNames = (a: HeapAnalysis) => Array.from({ length: a.graph.edgeCount }, (_, e) => a.graph.edgeName(e));
    expect(edgeNames(redacted)).toEqual(edgeNames(plain));
    expect(Array.from(redacted.retainedSize)).toEqual(Array.from(plain.retainedSize));
  });

  test('keeps the secret out of every command output: text, JSON, DOT, SVG and HTML', async () => {
    // Without --redact the secret is there to find, so the checks below can fail.
    const open = await cli('inspect', after, '--id', String(secretId));
    expect(open.stdout).toContain(SECRET);
    // The class view's paths end at the leaked strings; the holder view names holders, not values.
    expect((await cli('leaks', before, after, '--json', '--limit', '0', '--by', 'class', '--paths', '10')).stdout).toContain(SECRET);

    const files = ['r.svg', 'r.html', 'p.svg'].map((name) => join(dir, `redact-${name}`));
    const runs: [string, string[]][] = [
      ...textCommands(),
      ['summary --json', ['summary', after, '--json', '--limit', '0']],
      ['leaks --json', ['leaks', before, after, '--json', '--limit', '0', '--paths', '10']],
      ['leaks --by class --json', ['leaks', before, after, '--json', '--limit', '0', '--by', 'class', '--paths', '10']],
      ['inspect the secret', ['inspect', after, '--id', String(secretId)]],
      ['inspect the secret --json', ['inspect', after, '--id', String(secretId), '--json']],
      ['inspect the holder --json', ['inspect', after, '--id', String(holderId), '--json', '--limit', '0']],
      ['path to the secret --json', ['path', after, '--id', String(secretId), '--json']],
      ['refs of the holder (DOT)', ['refs', after, '--id', String(holderId), '--max-depth', '4']],
      ['backrefs of the secret (DOT)', ['backrefs', after, '--id', String(secretId)]],
      ['refs of the holder (SVG)', ['refs', after, '--id', String(holderId), '-o', files[0]!]],
      ['report (HTML)', ['report', before, after, '-o', files[1]!]],
      ['path to the secret (SVG)', ['path', after, '--id', String(secretId), '-o', files[2]!]],
    ];
    const results = await cliAll(runs.map(([, args]) => [...args, '--redact']));
    for (const [i, [label, args]] of runs.entries()) {
      const run = results[i]!;
      expect(run.code, `${label}: ${run.stderr}`).toBe(0);
      const written = args.includes('-o') ? readFileSync(args[args.indexOf('-o') + 1]!, 'utf8') : '';
      for (const text of [run.stdout, run.stderr, written]) {
        expect(text, label).not.toContain(SECRET);
        // Not even a piece of it, in case a value is shown cut short.
        expect(text, label).not.toContain(SECRET.slice(-12));
      }
    }
    const redacted = await cli('inspect', after, '--id', String(secretId), '--redact');
    expect(redacted.stdout).toMatch(REDACTED);
  });
});

describe('-o', () => {
  const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

  test('refuses to overwrite an input snapshot, by any name', async () => {
    // Drawings only go to .dot/.svg/.png and reports to .html, so the snapshot needs such a name
    // for the check to matter (the parser does not care about names).
    const named = (ext: string): [string, string] => {
      const input = join(dir, `snapshot-named${ext}`);
      copyFileSync(after, input);
      const link = join(dir, `link-to-snapshot${ext}`);
      if (!existsSync(link)) symlinkSync(input, link);
      return [input, link];
    };
    const [svg, svgLink] = named('.svg');
    const [html, htmlLink] = named('.html');
    const originals = [sha(after), sha(svg), sha(html)];
    const attempts = [
      ['backrefs', svg, '--id', String(holderId), '-o', svg],
      ['refs', svg, '--id', String(holderId), '-o', svgLink],
      ['path', svgLink, '--id', String(holderId), '-o', svg],
      ['report', before, html, '-o', html],
      ['report', html, after, '-o', htmlLink],
    ];
    for (const args of attempts) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^heapdiff: refusing to overwrite the input snapshot .+\n$/);
    }
    expect([sha(after), sha(svg), sha(html)]).toEqual(originals);
  });

  test('leaves nothing behind when the write fails', async () => {
    const target = join(dir, 'occupied.svg');
    mkdirSync(target, { recursive: true }); // rename onto a directory fails
    for (const output of [join(dir, 'no-such-dir', 'x.svg'), target]) {
      const run = await cli('refs', after, '--id', String(holderId), '-o', output);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('Ctrl-C in the middle of a write removes the temporary file and writes nothing', async () => {
    const out = join(dir, 'interrupted.bin');
    const atomicWrite = new URL('../packages/cli/dist/output/atomic-write.js', import.meta.url).href;
    // 1 GB takes long enough to write that the signal lands while the temporary file exists.
    const script = `import(${JSON.stringify(atomicWrite)}).then((m) => m.writeFileAtomic(${JSON.stringify(out)}, Buffer.alloc(1 << 30, 120)))`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    const temps = (): string[] => readdirSync(dir).filter((name) => name.startsWith('.interrupted.bin.') && name.endsWith('.tmp'));
    const deadline = Date.now() + 30_000;
    while (temps().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    expect(temps()).toHaveLength(1);
    child.kill('SIGINT');
    const [code, signal] = await exited;
    // Died of the signal (not a normal exit), as a process without the handler would.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(temps()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  test('Ctrl-C at any moment of a graph export leaves the -o file absent or complete', async () => {
    for (const delay of [100, 400, 1000, 2000]) {
      const out = join(dir, `export-${delay}.svg`);
      const child = spawn(process.execPath, [new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname,
        'refs', after, '--id', String(holderId), ...hostileIds.flatMap((id) => ['--id', String(id)]), '--max-depth', '3', '-o', out], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      await exited;
      expect(readdirSync(dir).filter((name) => name.startsWith(`.export-${delay}.svg.`))).toEqual([]);
      if (existsSync(out)) expect(readFileSync(out, 'utf8').trimEnd()).toMatch(/<\/svg>$/);
    }
  });
});
