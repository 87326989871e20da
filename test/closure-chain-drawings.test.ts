// Drawings of the classic closure-chain leak (test/scenarios/leak-closure-chain.cjs): each object holds
// the one before it through `.someMethod → {context} → ->originalThing`, 2,200 links deep. `leaks
// --graph`, the report and `backrefs` must finish (the WASM Graphviz overflowed its stack on the
// unfolded chain) with small drawings: the chain folded into one labelled box.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { analyzeHeap, loadSnapshot } from '@heapdiff/core';
import { runCli, type CliRun } from './fuzz/cli-contract.js';
import { makeSnapshot } from './helpers/snapshots.js';

/** A drawing people can read: the unfolded chain was 249,715 pt tall. */
const MAX_HEIGHT_PT = 2500;
/**
 * The folded chain's box as Graphviz writes it in SVG (`-` as `&#45;`, `>` as `&gt;`): `… ×N (…)`
 * around the chain's three steps, starting at whichever the path reached first.
 */
const FOLDED = /… ×[\d,]+ \(((?:\.someMethod|\{context\}|(?:-|&#45;)(?:>|&gt;)originalThing)(?: → |\))){3}/;

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'closure-chain-'));
let snapshots: string[];
/** The oldest object of the chain: the end of the longest retainer path. */
let oldestId: number;

beforeAll(async () => {
  snapshots = await makeSnapshot('leak-closure-chain');
  const a = analyzeHeap((await loadSnapshot(snapshots[2]!)).graph);
  const cls = a.classes.names.indexOf('{longStr, someMethod}');
  expect(cls).toBeGreaterThanOrEqual(0);
  let oldest = -1;
  for (let o = 0; o < a.graph.nodeCount; o++) {
    if (a.classes.classOf[o] === cls && (oldest < 0 || a.distance[o]! > a.distance[oldest]!)) oldest = o;
  }
  expect(a.distance[oldest]).toBeGreaterThan(3 * 1900);
  oldestId = a.graph.nodeId[oldest]!;
});

async function cli(...args: string[]): Promise<CliRun> {
  const run = await runCli(args, 120_000);
  expect(run.timedOut).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** Heights in pt of every <svg> in the text. */
function svgHeights(text: string): number[] {
  return [...text.matchAll(/<svg[^>]*\sheight="([\d.]+)pt"/g)].map((m) => Number(m[1]));
}

describe('the closure chain', () => {
  test('leaks --graph draws every group, the chain folded, each drawing small', async () => {
    const out = join(dir, 'graphs');
    await cli('leaks', ...snapshots, '--out-dir', out);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
    let folded = 0;
    for (const f of files.filter((name) => name.endsWith('.svg'))) {
      const svg = readFileSync(join(out, f), 'utf8');
      expect(svgHeights(svg)[0], f).toBeLessThan(MAX_HEIGHT_PT);
      if (FOLDED.test(svg)) folded++;
    }
    expect(folded).toBeGreaterThan(0);
  });

  test('leaks --limit 1 --paths 1 --graph: one small drawing', async () => {
    const out = join(dir, 'one');
    await cli('leaks', ...snapshots, '--out-dir', out, '--limit', '1', '--paths', '1');
    const [svg] = readdirSync(out).filter((f) => f.endsWith('.svg'));
    const text = readFileSync(join(out, svg!), 'utf8');
    expect(svgHeights(text)[0]).toBeLessThan(MAX_HEIGHT_PT);
    expect(text).toMatch(FOLDED);
  });

  test('the report finishes, the chain folded, any drawing small', async () => {
    const html = join(dir, 'report.html');
    await cli('report', ...snapshots, '-o', html);
    const page = readFileSync(html, 'utf8');
    // A straight path is text there, folded as leaks prints it; drawings are of paths that branch.
    expect(page).toMatch(/… [\d,]+ more × \(/);
    for (const h of svgHeights(page)) expect(h).toBeLessThan(MAX_HEIGHT_PT);
  });

  test('backrefs of the oldest object, as deep as the chain: folded, small', async () => {
    const svg = join(dir, 'backrefs.svg');
    const run = await cli('backrefs', snapshots[2]!, '--id', String(oldestId), '--max-depth', '10000', '-o', svg);
    expect(run.stdout).toContain('backrefs.svg');
    const text = readFileSync(svg, 'utf8');
    expect(svgHeights(text)[0]).toBeLessThan(MAX_HEIGHT_PT);
    expect(text).toMatch(/… ×[\d,]+ \(/);
    const dot = (await cli('backrefs', snapshots[2]!, '--id', String(oldestId), '--max-depth', '10000')).stdout;
    expect(dot.split('\n').length).toBeLessThan(500);
  });
});
