// `backrefs` / `refs` on a real leak: the graph around a leaked LeakyRequest shows its holder (the
// module-level `leakedRequests` array) within --max-depth steps, and every output form works
// without a system Graphviz.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  analyzeHeap, extractSubgraph, loadSnapshot, sampleClassInstances, shortestRetainerPath, type HeapAnalysis,
} from '@heapdiff/core';
import { retainerPathsToDot, dotToLayoutJson, graphToDot, graphFromSubgraph, type RetainerPathStep } from '@heapdiff/graphviz-export';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

interface GraphvizJson {
  objects: { _gvid: number; name: string; label?: string }[];
  edges: { tail: number; head: number; label?: string }[];
}

let final: string;
let analysis: HeapAnalysis;
let dir: string;

beforeAll(async () => {
  [, , final] = (await makeSnapshot('leak-three')) as [string, string, string];
  analysis = analyzeHeap((await loadSnapshot(final)).graph);
  dir = await mkdtemp(join(tmpdir(), 'heapdiff-graph-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the graph around a leaked LeakyRequest', () => {
  test('shows the holder within --max-depth steps', () => {
    const starts = sampleClassInstances(analysis, 'LeakyRequest', 3);
    expect(starts).toHaveLength(3);
    const sub = extractSubgraph(analysis, starts, { direction: 'retainers', maxDepth: 3 });
    const holderEdges = sub.edges.filter((e) => e.name === 'leakedRequests');
    expect(holderEdges.length).toBeGreaterThan(0);
    const depthOf = new Map(sub.nodes.map((n) => [n.id, n.depth]));
    for (const e of holderEdges) {
      expect(depthOf.get(e.from)).toBeLessThanOrEqual(3);
      expect(sub.nodes.find((n) => n.id === e.to)!.className).toBe('Array');
    }
    // The three samples share one holder.
    expect(new Set(holderEdges.map((e) => e.to)).size).toBe(1);
  });

  test('the DOT of the real graph lays out in Graphviz, node for node', async () => {
    const sub = extractSubgraph(analysis, sampleClassInstances(analysis, 'LeakyRequest', 1), { direction: 'retainers' });
    const json = (await dotToLayoutJson(graphToDot(graphFromSubgraph(sub)))) as GraphvizJson;
    const boxes = sub.nodes.filter((n) => n.truncated > 0).length;
    expect(json.objects).toHaveLength(sub.nodes.length + boxes);
    expect(json.edges).toHaveLength(sub.edges.length + boxes);
  });

  test('retainer paths from core merge into one DOT graph', async () => {
    const paths: RetainerPathStep[][] = sampleClassInstances(analysis, 'LeakyRequest', 3).map((o) =>
      shortestRetainerPath(analysis, o).map((s) => ({
        nodeId: analysis.graph.nodeId[s.ordinal]!,
        name: analysis.graph.nodeName(s.ordinal),
        type: analysis.graph.nodeTypeName(s.ordinal),
        edge: s.edge < 0 ? null : analysis.graph.edgeName(s.edge),
        edgeType: s.edge < 0 ? null : analysis.graph.edgeTypeName(s.edge),
      })));
    const json = (await dotToLayoutJson(retainerPathsToDot(paths))) as GraphvizJson;
    const distinct = new Set(paths.flat().map((s) => s.nodeId));
    expect(json.objects).toHaveLength(distinct.size);
    expect(paths.flat().map((s) => s.edge)).toContain('leakedRequests');
  });
});

describe('heapdiff backrefs / refs CLI', () => {
  test('DOT on stdout without -o', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'backrefs', final, '--class', 'LeakyRequest', '--sample', '1']);
    expect(stdout.startsWith('digraph heapdiff {')).toBe(true);
    expect(stdout).toContain('label="leakedRequests"');
    await dotToLayoutJson(stdout); // parses
  });

  test('-o x.svg and -o x.png render with the bundled WASM Graphviz (no dot binary); -o x.dot writes DOT', async () => {
    const env = { ...process.env, PATH: '' }; // no `dot` to fall back on, even if one is installed
    for (const name of ['g.dot', 'g.svg', 'g.png']) {
      const { stdout } = await run(process.execPath, [CLI, 'backrefs', final, '--class', 'LeakyRequest', '-o', join(dir, name)], { env });
      expect(stdout).toMatch(/objects, \d+ references/);
    }
    expect(await readFile(join(dir, 'g.dot'), 'utf8')).toMatch(/^digraph heapdiff \{/);
    const svg = await readFile(join(dir, 'g.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('leakedRequests');
    const png = await readFile(join(dir, 'g.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('refs --id with @ and --filter / --highlight', async () => {
    const id = analysis.graph.nodeId[sampleClassInstances(analysis, 'LeakyRequest', 1)[0]!]!;
    const { stdout } = await run(process.execPath, [CLI, 'refs', final, '--id', `@${id}`, '--max-depth', '1', '--filter', 'Array', '--highlight', 'Array']);
    expect(stdout).toContain(`@${id}`);
    expect(stdout).toContain('label="body"'); // this.body = new Array(16)
    expect(stdout).not.toContain('label="url"'); // a string: filtered out
    expect(stdout).toMatch(/fillcolor="0\.6,0\.6,/);
  });

  test('refs leaves out prototypes and engine internals unless --include-builtins', async () => {
    const id = analysis.graph.nodeId[sampleClassInstances(analysis, 'LeakyRequest', 1)[0]!]!;
    const width = async (extra: string[]): Promise<number> => {
      const svg = join(dir, `refs${extra.length}.svg`);
      await run(process.execPath, [CLI, 'refs', final, '--id', String(id), '-o', svg, ...extra]);
      return Number(/<svg width="([\d.]+)pt"/.exec(await readFile(svg, 'utf8'))![1]);
    };
    const plain = (await run(process.execPath, [CLI, 'refs', final, '--id', String(id)])).stdout;
    expect(plain).toContain('label="body"');
    for (const builtin of ['label="__proto__"', 'label="map"', '(compiled code)', 'system / Map']) expect(plain).not.toContain(builtin);
    const all = (await run(process.execPath, [CLI, 'refs', final, '--id', String(id), '--include-builtins'])).stdout;
    expect(all).toContain('label="__proto__"');
    expect(all).toContain('label="map"');
    expect(await width([])).toBeLessThan((await width(['--include-builtins'])) / 2);
  });

  test('bad input exits 2 with one line: unknown id, bad regex, output over the snapshot', async () => {
    const cases = [
      ['backrefs', final, '--id', '@999999999'],
      ['backrefs', final, '--id', '1', '--filter', '('],
      ['refs', final, '--class', 'NoSuchClass'],
      ['backrefs', final, '--id', '1', '-o', final],
      ['backrefs', final],
    ];
    for (const args of cases) {
      const failure = await run(process.execPath, [CLI, ...args]).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(failure, args.join(' ')).not.toBeNull();
      expect(failure!.code).toBe(2);
      expect(failure!.stderr.trim().split('\n')).toHaveLength(1);
      expect(failure!.stderr).toMatch(/^heapdiff: /);
    }
  });
});
