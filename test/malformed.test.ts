// Broken snapshots must fail with a typed HeapSnapshotError carrying a stable
// code and the byte offset of the problem, never a RangeError, a hang or a huge
// allocation. Each case breaks one invariant of an otherwise valid snapshot.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { HeapSnapshotError, loadSnapshot, loadSnapshotIds } from '@heapdiff/core';
// White box: the parser fed in chunks of every size.
import { SnapshotParser } from '../packages/core/dist/parse/snapshot-parser.js';
import { makeSnapshot } from './helpers/snapshots.js';
import { NODE_STRIDE, NODE_TYPES, mutated, serialize, tinySnapshot, type TinySnapshot } from './helpers/tiny-snapshot.js';

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'malformed-'));
let fileNo = 0;
function write(text: string | Buffer, ext = '.heapsnapshot'): string {
  const path = join(dir, `${++fileNo}${ext}`);
  writeFileSync(path, text);
  return path;
}

async function expectSnapshotError(text: string, code: string): Promise<HeapSnapshotError> {
  expect(text, 'the case did not change the valid snapshot').not.toBe(valid);
  const path = write(text);
  const err: unknown = await loadSnapshot(path).then(() => undefined, (e: unknown) => e);
  expect(err, `expected ${code}, but the snapshot loaded`).toBeDefined();
  expect(err).toBeInstanceOf(HeapSnapshotError);
  const snapErr = err as HeapSnapshotError;
  expect(snapErr.code).toBe(code);
  expect(Number.isInteger(snapErr.offset)).toBe(true);
  expect(snapErr.offset).toBeGreaterThanOrEqual(0);
  expect(snapErr.offset).toBeLessThanOrEqual(statSync(path).size);
  return snapErr;
}

const valid = serialize(tinySnapshot());
const cutAfter = (marker: string, extra: number): string => valid.slice(0, valid.indexOf(marker) + marker.length + extra);

test('the unmodified tiny snapshot loads (so each failure below is down to its one change)', async () => {
  const g = (await loadSnapshot(write(valid))).graph;
  expect([g.nodeCount, g.edgeCount]).toEqual([4, 3]);
  expect([0, 1, 2, 3].map((o) => `${g.nodeTypeName(o)}:${g.nodeName(o)}@${g.nodeId[o]}`))
    .toEqual(['synthetic:@1', 'synthetic:(GC roots)@3', 'object:Foo@5', 'string:hello@7']);
  expect([0, 1, 2].map((e) => `${g.edgeTypeName(e)}:${g.edgeName(e)}->${g.edgeToOrdinal[e]}`))
    .toEqual(['element:1->1', 'shortcut:foo->2', 'property:greeting->3']);
});

type Case = [label: string, text: string];
const edit = mutated;

describe.each<[string, Case[]]>([
  ['E_SNAPSHOT_TRUNCATED', [
    ['empty file', ''],
    ['cut in the header', valid.slice(0, 40)],
    ['cut mid-nodes', cutAfter('"nodes":[', 12)],
    ['cut mid-edges', cutAfter('"edges":[', 5)],
    ['cut mid-strings', cutAfter('"strings":[', 20)],
    ['cut before the closing brace', valid.trimEnd().slice(0, -1)],
  ]],
  ['E_SNAPSHOT_SYNTAX', [
    ['non-numeric data in nodes (1,x,3)', valid.replace('"nodes":[9,1,1,', '"nodes":[9,x,1,')],
    ['not JSON at all', 'this is not a heap snapshot\n'.repeat(20)],
  ]],
  ['E_SNAPSHOT_HEADER', [
    ['a JSON object that is not a snapshot (no "snapshot" header)', '{"name":"my-package","version":"1.0.0","dependencies":{}}\n'],
    ['node_fields without id', edit((s) => { s.snapshot.meta!.node_fields = ['type', 'name', 'self_size', 'edge_count', 'trace_node_id', 'detachedness']; })],
    ['edge_fields without to_node', edit((s) => { s.snapshot.meta!.edge_fields = ['type', 'name_or_index']; })],
    ['no meta', edit((s) => { delete s.snapshot.meta; })],
    // Found by the fuzz suite: with no root, the dominator DFS never ended.
    ['node_count 0 and no nodes at all', edit((s) => { s.snapshot.node_count = 0; s.snapshot.edge_count = 0; s.nodes = []; s.edges = []; })],
    // Found by the fuzz suite: records wider than the parser's staging buffer were overrun.
    ['70,000 node fields', edit((s) => { (s.snapshot.meta!.node_fields as string[]).push(...Array.from({ length: 70_000 }, (_, i) => `f${i}`)); })],
  ]],
  ['E_SNAPSHOT_EDGE_TARGET', [
    ['to_node not a multiple of the node field count', edit((s) => { s.edges[2] = NODE_STRIDE + 1; })],
    ['to_node one past the last node', edit((s) => { s.edges[8] = 4 * NODE_STRIDE; })],
  ]],
  ['E_SNAPSHOT_EDGE_COUNT', [
    ['node edge_counts sum to more than edge_count', edit((s) => { s.nodes[2 * NODE_STRIDE + 4] = 2; })],
    ['node edge_counts sum to less than edge_count', edit((s) => { s.nodes[4] = 1; })],
  ]],
  ['E_SNAPSHOT_NODE_COUNT', [
    ['node_count larger than the nodes array', edit((s) => { s.snapshot.node_count = 5; })],
    ['node_count smaller than the nodes array', edit((s) => { s.snapshot.node_count = 3; })],
  ]],
  ['E_SNAPSHOT_TYPE', [
    ['node type index = node_types length', edit((s) => { s.nodes[2 * NODE_STRIDE] = NODE_TYPES.length; })],
    ['node type index far out of range', edit((s) => { s.nodes[2 * NODE_STRIDE] = 200; })],
  ]],
  ['E_SNAPSHOT_DUPLICATE_ID', [
    ['two nodes with one id', edit((s) => { s.nodes[3 * NODE_STRIDE + 2] = s.nodes[2 * NODE_STRIDE + 2]!; })],
  ]],
  ['E_SNAPSHOT_STRING_INDEX', [
    ['node name index = strings length', edit((s) => { s.nodes[2 * NODE_STRIDE + 1] = s.strings.length; })],
    ['property edge name index beyond strings', edit((s) => { s.edges[7] = 1000; })],
  ]],
])('%s', (code, cases) => {
  test.each(cases)('%s', async (_label, text) => {
    await expectSnapshotError(text, code);
  });
});

describe('E_SNAPSHOT_COUNTS_ABSURD', () => {
  // A file of N bytes cannot hold more than N / (2 × fields) records ("0," per
  // field), so counts beyond that are refused before anything is allocated.
  test.each<[string, (s: TinySnapshot) => void]>([
    ['node_count 1e12', (s) => { s.snapshot.node_count = 1e12; }],
    ['edge_count 1e12', (s) => { s.snapshot.edge_count = 1e12; }],
    ['node_count 1e8 (allocatable, but impossible)', (s) => { s.snapshot.node_count = 1e8; }],
  ])('%s in a 1 KB file', async (_label, change) => {
    const rssBefore = process.memoryUsage().rss;
    await expectSnapshotError(mutated(change), 'E_SNAPSHOT_COUNTS_ABSURD');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });
});

test('a .gz copy of a real snapshot loads identically', async () => {
  const [path] = await makeSnapshot('basic');
  const gz = write(gzipSync(readFileSync(path!)), '.heapsnapshot.gz');
  const [plain, zipped] = [(await loadSnapshot(path!)).graph, (await loadSnapshot(gz)).graph];
  expect([zipped.nodeCount, zipped.edgeCount]).toEqual([plain.nodeCount, plain.edgeCount]);
  expect(zipped.strings).toEqual(plain.strings);
  expect(zipped.nodeTypes).toEqual(plain.nodeTypes);
  expect(zipped.edgeTypes).toEqual(plain.edgeTypes);
  const arrays = ['nodeType', 'nodeNameIndex', 'nodeId', 'nodeSelfSize', 'firstEdgeIndex',
    'edgeType', 'edgeNameOrIndex', 'edgeToOrdinal'] as const;
  for (const name of arrays) {
    // Byte comparison: fast, and exact for both integer and float arrays.
    const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(zipped[name]).equals(bytes(plain[name])), `${name} differs`).toBe(true);
  }
});

test('a .gz copy of the tiny snapshot loads, and a truncated .gz is E_SNAPSHOT_TRUNCATED', async () => {
  const zipped = gzipSync(valid);
  expect((await loadSnapshot(write(zipped, '.heapsnapshot.gz'))).graph.nodeCount).toBe(4);
  const err: unknown = await loadSnapshot(write(zipped.subarray(0, zipped.length - 12), '.heapsnapshot.gz'))
    .then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(HeapSnapshotError);
  expect((err as HeapSnapshotError).code).toBe('E_SNAPSHOT_TRUNCATED');
});

describe('found by the fuzz suite', () => {
  test('the ids-only reader (leak baselines) also refuses a file without edges or strings', async () => {
    for (const section of ['edges', 'strings']) {
      const text = valid.replace(new RegExp(`"${section}":\\[[^\\]]*\\],?\\n?`), '').replace(/,\n?}\n$/, '}\n');
      expect(text).not.toContain(`"${section}"`);
      for (const read of [loadSnapshot, loadSnapshotIds]) {
        const err: unknown = await read(write(text)).then(() => undefined, (e: unknown) => e);
        expect(err, `${read.name} without ${section}`).toBeInstanceOf(HeapSnapshotError);
        expect((err as HeapSnapshotError).code).toBe('E_SNAPSHOT_HEADER');
      }
    }
  });

  test('a byte order mark split across chunks is still skipped', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]);
    const parser = new SnapshotParser({ maxBytes: bytes.length });
    for (let i = 0; i < bytes.length; i++) parser.write(bytes.subarray(i, i + 1));
    expect(parser.end().layout.header.node_count).toBe(4);
  });
});
