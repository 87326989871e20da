// Chromium heap snapshots (test/fixtures/chrome/, made by `heapdiff record --url` on the pages in
// test/fixtures/pages/ by make-chrome-fixtures.mjs): every class equals DevTools, detached DOM
// nodes are named `Detached <div>` as DevTools names them, and every command works on them.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeHeap, computeSummary, loadSnapshot } from '@heapdiff/core';
import { summaryDifferences } from './helpers/devtools-compare.js';
import { devtoolsAggregates } from './helpers/oracles.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../packages/cli/bundle/heapdiff.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/chrome/', import.meta.url));
const SNAPSHOTS = ['1-baseline', '2-target', '3-final'];
const fixture = (page: string, snapshot: string): string => join(FIXTURES, page, `${snapshot}.heapsnapshot.gz`);
const series = (page: string): string[] => SNAPSHOTS.map((s) => fixture(page, s));

async function json<T = any>(args: string[]): Promise<T> {
  const { stdout, stderr } = await run(process.execPath, [CLI, ...args, '--json'], { maxBuffer: 64 << 20 });
  expect(stderr).toBe('');
  return JSON.parse(stdout) as T;
}

describe.each(['detached-dom', 'listener-leak'])('%s fixture', (page) => {
  test.each(SNAPSHOTS)('%s: gzipped under 1 MB, and every class (name, count, self, retained) equals DevTools', async (snapshot) => {
    expect((await stat(fixture(page, snapshot))).size).toBeLessThan(1_000_000);
    expect(await summaryDifferences(fixture(page, snapshot))).toEqual([]);
  });
});

describe('detached DOM nodes', () => {
  test('are classed `Detached <div>` (tag shortened), exactly as DevTools classes them', async () => {
    const path = fixture('detached-dom', '3-final');
    const ours = computeSummary(analyzeHeap(await loadSnapshot(path))).classes;
    const theirs = Object.values(await devtoolsAggregates(path));
    for (const name of ['Detached <div>', 'Detached <h2>', 'Detached <p>', 'Detached <button>', 'Detached Text']) {
      const a = ours.find((c) => c.name === name);
      const b = theirs.find((c) => c.name === name);
      expect(a, name).toBeDefined();
      expect(a!.count).toBeGreaterThan(100);
      expect({ count: a!.count, self: a!.selfSize, retained: a!.retainedSize }).toEqual({ count: b!.count, self: b!.self, retained: b!.maxRet });
    }
    // The live card in the document is not detached.
    expect(ours.find((c) => c.name === '<div>')?.count).toBeGreaterThan(0);
  });
});

describe('every command on the detached-dom snapshots', () => {
  const [baseline, target, final] = series('detached-dom') as [string, string, string];
  let leakedDiv: number;
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'heapdiff-chrome-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  test('summary', async () => {
    const out = await json(['summary', final, '--limit', '0']);
    expect(out.classes.map((c: { name: string }) => c.name)).toContain('Detached <div>');
  });

  test('diff: the removed cards are new objects', async () => {
    const out = await json(['diff', baseline, final, '--limit', '0']);
    expect(out.classes.find((c: { name: string }) => c.name === 'Detached <div>').addedCount).toBeGreaterThan(100);
  });

  test('leaks: the detached cards lead, held by undoHistory', async () => {
    const out = await json(['leaks', '--by', 'class', baseline, target, final]);
    const group = out.groups[0];
    expect(group.name).toBe('Detached <div>');
    const path = group.paths[0] as { nodeId: number; edge: string | null; name: string; type: string }[];
    expect(path.map((s) => s.edge)).toContain('undoHistory');
    expect(path.at(-1)!.name).toMatch(/^Detached <div/);
    expect(path.at(-1)!.type).toBe('native');
    leakedDiv = path.at(-1)!.nodeId;
  });

  test('growth: detached nodes grow at every step', async () => {
    const out = await json(['growth', baseline, target, final]);
    const div = out.classes.find((c: { name: string }) => c.name === 'Detached <div>');
    expect(div.monotonic).toBe(true);
    expect(div.counts[2]).toBeGreaterThan(div.counts[0]);
  });

  test('orphans: only what global handles hold, not the page\'s objects', async () => {
    const out = await json(['orphans', final, '--limit', '0']);
    expect(out.orphanCount).toBeGreaterThanOrEqual(0);
    const names = out.groups.map((g: { name: string }) => g.name);
    expect(names).not.toContain('Detached <div>');
    expect(names).not.toContain('Array');
  });

  test('path and inspect on a leaked card', async () => {
    const path = await json(['path', final, '--id', `@${leakedDiv}`]);
    expect(path.path.map((s: { edge: string | null }) => s.edge)).toContain('undoHistory');
    const inspected = await json(['inspect', final, '--id', String(leakedDiv)]);
    expect(inspected.node.className).toBe('Detached <div>');
    expect(inspected.node.name).toMatch(/^Detached <div class="card" data-card="\d+">$/);
    expect(inspected.node.retainedSize).toBeGreaterThan(inspected.node.selfSize);
  });

  test('backrefs (DOT) and refs (SVG)', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'backrefs', final, '--id', String(leakedDiv), '--max-depth', '3']);
    expect(stdout).toMatch(/^digraph/);
    expect(stdout).toContain('Detached &lt;div&gt;');
    const svg = join(work, 'refs.svg');
    await run(process.execPath, [CLI, 'refs', final, '--class', 'Detached <div>', '--max-depth', '2', '-o', svg]);
    expect(await readFile(svg, 'utf8')).toContain('<svg');
  });
});

describe('listener-leak snapshots', () => {
  test('leaks: the widgets, held by window listeners through their closures', async () => {
    const out = await json(['leaks', '--by', 'class', ...series('listener-leak'), '--limit', '0']);
    const widget = out.groups.find((g: { name: string }) => g.name === 'PriceWidget');
    expect(widget.count).toBeGreaterThan(100);
    const edges = widget.paths[0].map((s: { edge: string | null }) => s.edge);
    expect(edges).toContain('global_proxy_object');
    expect(edges.at(-1)).toBe('this');
    expect(out.groups.map((g: { name: string }) => g.name)).toContain('blink::RegisteredEventListener');
  });
});
