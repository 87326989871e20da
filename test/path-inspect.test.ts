// `path` and `inspect` on leak-three: the leaked LeakyRequest objects are held by the module-level
// array `leakedRequests` (reachable from the global object through `__heapdiffLeak`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeHeap, inspectNode, loadSnapshot, loadSnapshotBytes, NodeNotFoundError, retainerPathOfId, type HeapAnalysis } from '@heapdiff/core';
import * as outputSchemas from '../packages/cli/dist/schemas.js';
import { buildSnapshot } from './helpers/snapshot-builder.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

interface CliResult { code: number; stdout: string; stderr: string }
async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let snapshotPath: string;
let analysis: HeapAnalysis;
let leakyId: number;

beforeAll(async () => {
  const paths = await makeSnapshot('leak-three');
  snapshotPath = paths[2]!;
  analysis = analyzeHeap((await loadSnapshot(snapshotPath)).graph);
  const { classOf, names } = analysis.classes;
  const g = analysis.graph;
  for (let o = 0; o < g.nodeCount; o++) {
    if (names[classOf[o]!] === 'LeakyRequest' && g.nodeType[o] === g.nodeTypeId.object) {
      leakyId = g.nodeId[o]!;
      break;
    }
  }
  expect(leakyId).toBeGreaterThan(0);
});

describe('retainerPathOfId', () => {
  test('runs from the global object through leakedRequests to the LeakyRequest', () => {
    const g = analysis.graph;
    const path = retainerPathOfId(analysis, leakyId);
    expect(g.nodeName(path[0]!.ordinal)).toBe('global');
    expect(path[0]!.edge).toBe(-1);
    expect(g.nodeId[path.at(-1)!.ordinal]).toBe(leakyId);
    const edges = path.slice(1).map((s) => g.edgeName(s.edge));
    expect(edges).toContain('leakedRequests');
    // Each step's edge really leads from the previous node to this one.
    for (let i = 1; i < path.length; i++) {
      const e = path[i]!.edge;
      expect(g.edgeToOrdinal[e]).toBe(path[i]!.ordinal);
      expect(e >= g.firstEdgeIndex[path[i - 1]!.ordinal]! && e < g.firstEdgeIndex[path[i - 1]!.ordinal + 1]!).toBe(true);
      expect(g.edgeTypeName(e)).not.toBe('weak');
    }
    expect(path.length).toBe(analysis.distance[path.at(-1)!.ordinal]);
  });

  test('an unknown id throws NodeNotFoundError', () => {
    expect(() => retainerPathOfId(analysis, 2)).toThrow(NodeNotFoundError);
    try {
      retainerPathOfId(analysis, 2);
    } catch (error) {
      expect((error as NodeNotFoundError).code).toBe('E_NODE_NOT_FOUND');
    }
  });
});

describe('inspectNode', () => {
  test('shows the holding array as retainer and dominator, and the fields as edges', () => {
    const node = inspectNode(analysis, leakyId);
    const path = retainerPathOfId(analysis, leakyId);
    const holder = analysis.graph.nodeId[path.at(-2)!.ordinal]!;
    expect(node).toMatchObject({ nodeId: leakyId, type: 'object', className: 'LeakyRequest', dominator: { nodeId: holder, className: 'Array' } });
    expect(node.retainedSize).toBeGreaterThan(node.selfSize);
    expect(node.distance).toBe(path.length);
    expect(node.retainers[0]).toMatchObject({ nodeId: holder, type: 'element', className: 'Array' });
    // `id` is a small integer: V8 writes no edge for it.
    expect(node.edges.map((e) => e.label)).toEqual(expect.arrayContaining(['.url', '.headers', '.body']));
    const url = node.edges.find((e) => e.name === 'url')!;
    expect(url.nodeName).toMatch(/^\/api\/items\/\d+\?q=p*$/);
  });

  test('limits the lists and still counts everything', () => {
    const node = inspectNode(analysis, leakyId, { limit: 1 });
    expect(node.edges).toHaveLength(1);
    expect(node.edgeCount).toBeGreaterThan(1);
    expect(node.edges[0]!.retainedSize).toBe(Math.max(...inspectNode(analysis, leakyId).edges.map((e) => e.retainedSize)));
  });
});

describe('heapdiff path', () => {
  test('prints one indented line per step, naming leakedRequests', async () => {
    const { code, stdout } = await cli('path', snapshotPath, '--id', `@${leakyId}`);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^global @\d+$/);
    expect(lines.some((l) => /^ +\.leakedRequests → Array @\d+$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^ +\\[\\d+\\] → LeakyRequest @${leakyId}$`));
    lines.slice(1).forEach((line, i) => expect(line.startsWith('  '.repeat(i + 1))).toBe(true));
  });

  test('--json: root first, the object last, edge into each step', async () => {
    const { code, stdout } = await cli('path', snapshotPath, '--id', String(leakyId), '--json');
    expect(code).toBe(0);
    const out = outputSchemas.PathOutputSchema.parse(JSON.parse(stdout));
    expect(out.path[0]).toMatchObject({ name: 'global', edge: null, edgeType: null });
    expect(out.path.at(-1)).toMatchObject({ nodeId: leakyId, name: 'LeakyRequest', edgeType: 'element' });
    expect(out.path.find((s) => s.edge === 'leakedRequests')).toMatchObject({ name: 'Array', edgeType: 'property' });
  });

  test('an unknown id exits 2 with one line and no stack', async () => {
    const { code, stdout, stderr } = await cli('path', snapshotPath, '--id', '@2');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual(['heapdiff: no object with id @2 in the snapshot']);
  });

  test.each([['abc'], ['@'], ['12x']])('--id %s is a usage error: exit 2, one line', async (id) => {
    const { code, stderr } = await cli('path', snapshotPath, '--id', id);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^heapdiff: --id: .* is not an object id/);
  });

  test('a missing --id exits 2', async () => {
    const { code, stderr } = await cli('path', snapshotPath);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^heapdiff: .*id/);
  });
});

describe('heapdiff inspect', () => {
  test('shows the object, the array that retains it and its fields', async () => {
    const { code, stdout } = await cli('inspect', snapshotPath, '--id', `@${leakyId}`);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`LeakyRequest @${leakyId}`);
    expect(stdout).toMatch(/Retained size +\d/);
    expect(stdout).toMatch(/Dominator +Array @\d+/);
    const retainers = stdout.slice(stdout.indexOf('Retainers ('));
    expect(retainers).toMatch(/\[\d+\] +element +Array @\d+ +Array/);
    expect(stdout).toMatch(/\.url +property +"\/api\/items\/\d+/);
  });

  test('--json matches its schema; --limit cuts the lists', async () => {
    const { code, stdout } = await cli('inspect', snapshotPath, '--id', String(leakyId), '--json', '--limit', '2');
    expect(code).toBe(0);
    const out = outputSchemas.InspectOutputSchema.parse(JSON.parse(stdout));
    expect(out.node).toMatchObject({ nodeId: leakyId, className: 'LeakyRequest', type: 'object' });
    expect(out.edges).toHaveLength(2);
    expect(out.edgeCount).toBeGreaterThan(2);
    expect(out.retainers[0]).toMatchObject({ edgeType: 'element', className: 'Array' });
  });

  test('an unknown id exits 2 with one line', async () => {
    const { code, stderr } = await cli('inspect', snapshotPath, '--id', '2');
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual(['heapdiff: no object with id @2 in the snapshot']);
  });
});

describe('inspectNode names', () => {
  // global holds a concatenated string ('ab' + 300 x's) and a long flat string.
  const long = 'y'.repeat(300);
  const analysis = analyzeHeap(loadSnapshotBytes(Buffer.from(buildSnapshot([
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'global', 1]] },
    { type: 'object', name: 'global', id: 3, size: 40, edges: [['property', 'cons', 2], ['property', 'long', 5]] },
    { type: 'concatenated string', name: '(concatenated string)', id: 5, size: 32, edges: [['internal', 'first', 3], ['internal', 'second', 4]] },
    { type: 'string', name: 'ab', id: 7, size: 16 },
    { type: 'string', name: 'x'.repeat(300), id: 9, size: 320 },
    { type: 'string', name: long, id: 11, size: 320 },
  ]))).graph);

  test('a concatenated string shows its value, cut to 100 characters', () => {
    const name = inspectNode(analysis, 5).name;
    expect(name).toBe(`ab${'x'.repeat(97)}…`);
    expect(name).toHaveLength(100);
  });

  test('edges show their targets the same way', () => {
    const node = inspectNode(analysis, 3);
    expect(node.edges.map((e) => [e.label, e.nodeName.length])).toEqual([['.cons', 100], ['.long', 100]]);
    expect(inspectNode(analysis, 11, { nameLength: 10 }).name).toBe('yyyyyyyyy…');
  });
});
