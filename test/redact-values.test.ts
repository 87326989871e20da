// `--redact` on a heap with secrets of every kind (test/scenarios/redact-secrets.cjs): strings
// (plain, concatenated, sliced), a RegExp source, a number's text, a BigInt, a Symbol description,
// a Map key and value, an error message, a script source. No output format — tables and --json of
// every command, DOT and SVG drawings, `leaks --graph` files, the HTML report — may show any of
// them, raw or escaped the way that format escapes. Stand-ins are keyed per run: equal values
// match within one output, and a stand-in cannot be recomputed from a guess.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadSnapshot, type HeapGraph } from '@heapdiff/core';
import type { CliRun } from './fuzz/cli-contract.js';
import { cli, cliAll } from './helpers/cli-runs.js';
import { makeSnapshot } from './helpers/snapshots.js';

// The scenario's recipe: an ASCII core, then characters that each output format escapes.
const CORE = ['pw', (20240611).toString(36), (987654321).toString(16), 'zq'].join('_');
const SECRET = `${CORE}"<&'\\é`;
const NUMBER_TEXT = `${(7351).toString()}9.8642`;
const BIGINT_TEXT = String(BigInt(`${(12345).toString()}678901234567890123`) * 3n);
const TOKEN = /<string len=(\d+) #([0-9a-f]{8})>/;

/** The secret as each output format would write it. */
function escapedForms(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  const unicode = [...text].map((c) => (/[\w ]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');
  const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const htmlHex = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&#34;').replace(/'/g, '&#x27;');
  const dot = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');
  return [text, json, unicode, html, htmlHex, dot, encodeURIComponent(text)];
}

/** What no redacted output may contain: the secret in every escaping, pieces of it, the number's text. */
const NEEDLES = [...escapedForms(SECRET), CORE, CORE.slice(0, 12), CORE.slice(-12), NUMBER_TEXT, BIGINT_TEXT];

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'redact-values-'));
let before: string;
let after: string;
/** Object ids in the second snapshot. */
const ids = { holder: 0, plain: 0, pattern: 0, symbol: 0, amount: 0, map: 0, script: 0 };

function propertyTarget(g: HeapGraph, o: number, name: string): number {
  for (let e = g.firstEdgeIndex[o]!; e < g.firstEdgeIndex[o + 1]!; e++) {
    if (g.edgeName(e) === name) return g.edgeToOrdinal[e]!;
  }
  throw new Error(`no .${name}`);
}

beforeAll(async () => {
  [before, after] = (await makeSnapshot('redact-secrets')) as [string, string];
  const g = (await loadSnapshot(after)).graph;
  let holder = -1;
  for (let o = 0; o < g.nodeCount && holder < 0; o++) if (g.nodeTypeName(o) === 'object' && g.nodeName(o) === 'SecretHolder') holder = o;
  expect(holder).toBeGreaterThanOrEqual(0);
  const id = (o: number): number => g.nodeId[o]!;
  ids.holder = id(holder);
  ids.plain = id(propertyTarget(g, holder, 'plain'));
  ids.pattern = id(propertyTarget(g, holder, 'pattern'));
  ids.symbol = id(propertyTarget(g, holder, 'symbol'));
  ids.amount = id(propertyTarget(g, holder, 'amount'));
  ids.map = id(propertyTarget(g, holder, 'byKey'));
  ids.script = id(propertyTarget(g, holder, 'fromScript'));
  // The planted values are there to be found, each where the test expects it.
  expect(g.nodeName(g.ordinalOfId(ids.plain))).toBe(SECRET);
  expect(g.nodeTypeName(g.ordinalOfId(ids.pattern))).toBe('regexp');
  expect(g.nodeName(g.ordinalOfId(ids.pattern))).toContain(CORE);
  expect(g.nodeTypeName(g.ordinalOfId(ids.symbol))).toBe('symbol');
});

function leaked(text: string): string | undefined {
  return NEEDLES.find((needle) => text.includes(needle));
}

describe('--redact', () => {
  test('without it, every kind of secret is in the outputs (so the checks below can fail)', async () => {
    const shown = await cliAll([
      ['inspect', after, '--id', String(ids.holder), '--limit', '0'],
      ['inspect', after, '--id', String(ids.pattern), '--json'],
      ['refs', after, '--id', String(ids.holder), '--max-depth', '3', '--too-many', '50'],
      ['inspect', after, '--id', String(ids.symbol)],
      ['leaks', before, after, '--by', 'class', '--limit', '0', '--json'],
    ]);
    const all = shown.map((r) => r.stdout).join('\n');
    expect(all).toContain(`"${CORE}`); // the plain string
    expect(shown[1]!.stdout).toContain(CORE); // the RegExp source
    expect(all).toContain(NUMBER_TEXT); // the number, behind its `value` edge
    expect(all).toContain(`symbol ${CORE}`); // the Symbol's description
    expect(shown[4]!.stdout).toContain(CORE); // the leaked values, in the paths of `leaks --by class`
  });

  test('keeps every secret out of every command output, raw and escaped', async () => {
    const graphs = join(dir, 'graphs');
    const file = (name: string): string => join(dir, name);
    const objects = [ids.holder, ids.plain, ids.pattern, ids.symbol, ids.amount, ids.map, ids.script];
    const runs: [string, string[], string?][] = [
      ['summary', ['summary', after, '--limit', '0']],
      ['summary --json', ['summary', after, '--limit', '0', '--json']],
      ['diff', ['diff', before, after, '--limit', '0']],
      ['diff --json', ['diff', before, after, '--limit', '0', '--json']],
      ['leaks', ['leaks', before, after, '--limit', '0']],
      ['leaks --json --out-dir', ['leaks', before, after, '--limit', '0', '--json', '--out-dir', graphs]],
      ['leaks --by class', ['leaks', before, after, '--by', 'class', '--limit', '0', '--paths', '10']],
      ['leaks --by class --json --out-dir', ['leaks', before, after, '--by', 'class', '--limit', '0', '--paths', '10', '--json', '--out-dir', `${graphs}-by-class`]],
      ['growth', ['growth', before, after, '--limit', '0']],
      ['growth --json', ['growth', before, after, '--limit', '0', '--json']],
      ['orphans', ['orphans', after, '--limit', '0']],
      ['orphans --json', ['orphans', after, '--limit', '0', '--json']],
      ...objects.flatMap((id): [string, string[], string?][] => [
        [`path @${id}`, ['path', after, '--id', String(id)]],
        [`path @${id} --json`, ['path', after, '--id', String(id), '--json']],
        [`inspect @${id}`, ['inspect', after, '--id', String(id), '--limit', '0']],
        [`inspect @${id} --json`, ['inspect', after, '--id', String(id), '--limit', '0', '--json']],
      ]),
      ['path --dot', ['path', after, '--id', String(ids.pattern), '--dot']],
      ['path -o svg', ['path', after, '--id', String(ids.plain), '-o', file('path.svg')], file('path.svg')],
      ['refs (DOT)', ['refs', after, '--id', String(ids.holder), '--max-depth', '3', '--too-many', '50']],
      ['refs -o svg', ['refs', after, '--id', String(ids.holder), '--max-depth', '3', '--too-many', '50', '-o', file('refs.svg')], file('refs.svg')],
      ['backrefs (DOT)', ['backrefs', after, '--id', String(ids.plain), String(ids.pattern), '--max-depth', '3']],
      ['backrefs -o svg', ['backrefs', after, '--id', String(ids.plain), '--id', String(ids.pattern), '-o', file('backrefs.svg')], file('backrefs.svg')],
      ['report', ['report', before, after, '-o', file('report.html')], file('report.html')],
    ];
    const results = await cliAll(runs.map(([, args]) => [...args, '--redact']));
    for (const [i, [label, , written]] of runs.entries()) {
      const run = results[i]!;
      expect(run.code, `${label}: ${run.stderr}`).toBe(0);
      for (const text of [run.stdout, run.stderr, written ? readFileSync(written, 'utf8') : '']) {
        expect(leaked(text), `${label} shows a secret`).toBeUndefined();
      }
    }
    for (const set of [graphs, `${graphs}-by-class`]) {
      const graphFiles = readdirSync(set);
      expect(graphFiles.length).toBeGreaterThan(0);
      for (const name of graphFiles) expect(leaked(readFileSync(join(set, name), 'utf8')), name).toBeUndefined();
    }
    // The stand-ins are there instead: the RegExp is shown by its pattern's stand-in.
    expect(results[runs.findIndex(([label]) => label === `inspect @${ids.pattern}`)]!.stdout).toMatch(new RegExp(`RegExp ${TOKEN.source}`));
  });
});

describe('stand-ins', () => {
  const tokensOf = (text: string): string[] => [...text.matchAll(new RegExp(TOKEN.source, 'g'))].map((m) => m[0]);

  test('equal values get equal stand-ins within a run, whatever the string kind', async () => {
    const run = await cli('inspect', after, '--id', String(ids.holder), '--limit', '0', '--json', '--redact');
    const edges = (JSON.parse(run.stdout) as { edges: { edge: string; name: string; type: string }[] }).edges;
    const named = (edge: string) => edges.find((e) => e.edge === edge)!;
    expect(named('plain').type).toBe('string');
    expect(named('rebuilt').type).toBe('concatenated string');
    expect(named('plain').name).toMatch(new RegExp(`^${TOKEN.source}$`));
    expect(named('rebuilt').name).toBe(named('plain').name);
    expect(named('concatenated').name).not.toBe(named('plain').name);
    expect(named('plain').name).toContain(`len=${SECRET.length} `);
  });

  test('are keyed per run: the same snapshot gives other stand-ins in another run, and no unkeyed hash', async () => {
    const [first, second] = await cliAll([
      ['inspect', after, '--id', String(ids.plain), '--json', '--redact'],
      ['inspect', after, '--id', String(ids.plain), '--json', '--redact'],
    ]);
    const nameOf = (run: CliRun): string => (JSON.parse(run.stdout) as { node: { name: string } }).node.name;
    expect(nameOf(first!)).toMatch(new RegExp(`^${TOKEN.source}$`));
    expect(nameOf(second!)).toMatch(new RegExp(`^${TOKEN.source}$`));
    expect(nameOf(first!)).not.toBe(nameOf(second!));
    // Not the SHA-256 of the value (which anyone could compute from a guess), in any encoding.
    for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) {
      const unkeyed = createHash('sha256').update(Buffer.from(SECRET, encoding)).digest('hex').slice(0, 8);
      for (const token of [...tokensOf(first!.stdout), ...tokensOf(second!.stdout)]) expect(token).not.toContain(unkeyed);
    }
  });
});
