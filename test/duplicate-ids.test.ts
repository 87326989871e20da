// Two objects with one id (issue 13.9). V8 never writes that, and every id lookup relies on it:
// `backrefs` crashed in graphology ("node already exist") and `refs` drew two objects as one.
// Both readers refuse such a file at load, naming the id and where its second copy ends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { HeapSnapshotError, loadSnapshot, loadSnapshotIds } from '@heapdiff/core';
// White box: the parser fed in chunks of every size.
import { SnapshotParser } from '../packages/core/dist/parse/snapshot-parser.js';
import { contractViolations, runCli } from './fuzz/cli-contract.js';
import { buildSnapshot, type NodeSpec } from './helpers/snapshot-builder.js';

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'duplicate-ids-'));

/** root → Holder and Other (both `id`) → Item; plus `padding` objects so the record fast path runs. */
function snapshotWithRepeatedId(id: number, padding: number): string {
  const nodes: NodeSpec[] = [
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'a', 1], ['shortcut', 'b', 2]] },
    { type: 'object', name: 'Holder', id, size: 16, edges: [['property', 'item', 2]] },
  ];
  for (let i = 0; i < padding; i++) nodes.push({ type: 'object', name: 'Pad', id: 1001 + 2 * i, size: 16 });
  // Other goes after the padding: its record is parsed by the fast path when there is padding.
  nodes.splice(2, 0, { type: 'object', name: 'Item', id: 9, size: 16 });
  nodes.push({ type: 'object', name: 'Other', id, size: 16, edges: [['property', 'item', 2]] });
  nodes[0]!.edges![1] = ['shortcut', 'b', nodes.length - 1];
  return buildSnapshot(nodes);
}

/** Stream offset just after the second `id` of the nodes array (where the error must point). */
function secondIdEnd(text: string, id: number): number {
  const nodes = text.indexOf('"nodes":[');
  // A record starts after the array's '[' or after V8's `\n,` between records.
  const pattern = new RegExp(`(?<=\\[|\\n,)\\d+,\\d+,${id}(?=,)`, 'g');
  pattern.lastIndex = nodes;
  pattern.exec(text);
  const second = pattern.exec(text)!;
  return Buffer.byteLength(text.slice(0, second.index + second[0].length));
}

describe.each([
  ['a small id', 5],
  // Above what the parser's bitmap of dense ids covers: the other half of its id set.
  ['an id near 2^32', 4_000_000_001],
])('a repeated id (%s)', (_label, id) => {
  test.each([0, 300])('is refused at its byte offset by both parsers, in chunks of any size (%i padding objects)', (padding) => {
    const text = snapshotWithRepeatedId(id, padding);
    const bytes = Buffer.from(text);
    const expected = secondIdEnd(text, id);
    for (const chunk of [1, 2, 3, 7, 64, 4096, bytes.length]) {
      for (const idsOnly of [false, true]) {
        const parser = new SnapshotParser({ maxBytes: bytes.length, idsOnly });
        const error = (() => {
          try {
            for (let i = 0; i < bytes.length; i += chunk) parser.write(bytes.subarray(i, i + chunk));
            return idsOnly ? parser.endIds() : parser.end();
          } catch (e) {
            return e;
          }
        })();
        expect(error, `chunks of ${chunk}${idsOnly ? ', ids only' : ''}`).toBeInstanceOf(HeapSnapshotError);
        expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_DUPLICATE_ID');
        expect((error as HeapSnapshotError).offset, `chunks of ${chunk}${idsOnly ? ', ids only' : ''}`).toBe(expected);
        expect((error as HeapSnapshotError).message).toContain(`@${id}`);
      }
    }
  });

  test('is refused by loadSnapshot and loadSnapshotIds', async () => {
    const path = join(dir, `repeated-${id}.heapsnapshot`);
    writeFileSync(path, snapshotWithRepeatedId(id, 0));
    for (const read of [loadSnapshot, loadSnapshotIds]) {
      const error: unknown = await read(path).then(() => undefined, (e: unknown) => e);
      expect(error, read.name).toBeInstanceOf(HeapSnapshotError);
      expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_DUPLICATE_ID');
      expect((error as HeapSnapshotError).file).toBe(path);
    }
  });
});

test('ids that are all distinct, sparse or dense, load', async () => {
  const nodes: NodeSpec[] = [{ type: 'synthetic', name: '', id: 1, size: 0 }];
  for (let i = 0; i < 500; i++) nodes.push({ type: 'object', name: 'A', id: i % 2 === 0 ? 3 + 2 * i : 4_294_967_295 - i, size: 8 });
  const path = join(dir, 'distinct.heapsnapshot');
  writeFileSync(path, buildSnapshot(nodes));
  expect((await loadSnapshot(path)).graph.nodeCount).toBe(501);
  expect((await loadSnapshotIds(path)).size).toBe(501);
});

test.each([
  // Holder and Other (both @5) retain Item @9: graphology refused the second @5.
  ['backrefs', ['--id', '9']],
  // The root refers to both: they were drawn as one object.
  ['refs', ['--id', '1']],
])('%s refuses the file: exit 2, one line naming the id and the byte offset', async (command, args) => {
  const path = join(dir, `cli-${command}.heapsnapshot`);
  const text = snapshotWithRepeatedId(5, 0);
  writeFileSync(path, text);
  const run = await runCli([command, path, ...args], 60_000);
  expect(contractViolations(run, { inputs: [path], maxOffset: text.length })).toEqual([]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(`heapdiff: ${path}: nodes 1 and 3 have the same id @5 (ids are unique in a snapshot) (at byte ${secondIdEnd(text, 5)})`);
});
