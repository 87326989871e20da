// The edges array of a large file is parsed from both ends on two threads. Small claim blocks force
// the hand-over into every part of small real snapshots; the result must equal the one-thread
// parse exactly, and on damaged files the error must be the one the one-thread parse reports.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HeapSnapshotError, loadSnapshot, type HeapGraph } from '@heapdiff/core';
import { WANTED_MAJORS, availableMajors } from './helpers/node-binaries.js';
import { makeSnapshot } from './helpers/snapshots.js';

/** Each run parses twice and starts a worker; HEAPDIFF_SPLIT_RUNS=500 for a longer search. */
const RUNS = Number(process.env.HEAPDIFF_SPLIT_RUNS ?? 40);

const COLUMNS = ['edgeType', 'edgeNameOrIndex', 'edgeToOrdinal', 'nodeType', 'nodeNameIndex', 'nodeId', 'firstEdgeIndex'] as const;

function expectSameGraph(a: HeapGraph, b: HeapGraph): void {
  for (const column of COLUMNS) expect(Buffer.compare(bytesOf(a[column]), bytesOf(b[column])), column).toBe(0);
  expect(a.strings).toEqual(b.strings);
  // The worker builds the retainer index while the main thread reads the strings.
  const [ra, rb] = [a.getRetainers(), b.getRetainers()];
  for (const part of ['firstRetainerIndex', 'retainingNode', 'retainingEdge'] as const) {
    expect(Buffer.compare(bytesOf(ra[part]), bytesOf(rb[part])), part).toBe(0);
  }
}

function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

type Outcome = { graph: HeapGraph } | { error: string };

async function outcome(path: string, split: { minBytes: number; blockBytes: number } | false): Promise<Outcome> {
  try {
    return { graph: (await loadSnapshot(path, { split })).graph };
  } catch (error) {
    if (!(error instanceof HeapSnapshotError)) throw error;
    return { error: `${error.code} at ${error.offset}: ${error.message}` };
  }
}

describe.each(WANTED_MAJORS)('Node %i snapshot', (major) => {
  test.skipIf(!availableMajors.includes(major))('two-thread edge parse equals the one-thread parse at any hand-over', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    const sequential = await loadSnapshot(path!, { split: false });
    for (const blockBytes of [997, 4096, 65_536, 1 << 20]) {
      const split = await loadSnapshot(path!, { split: { minBytes: 0, blockBytes } });
      expectSameGraph(split.graph, sequential.graph);
    }
  });
});

test('without the key V8 writes after the edges array, the worker finds its end reading forward', async () => {
  const [path] = await makeSnapshot('basic');
  const original = readFileSync(path!);
  const sequential = await loadSnapshot(path!, { split: false });
  const dir = await mkdtemp(join(tmpdir(), 'heapdiff-split-'));
  const file = join(dir, 'renamed.heapsnapshot');
  // An unknown key is skipped like any other; the worker's search from the end finds nothing.
  writeFileSync(file, Buffer.from(original.toString('latin1').replace('"trace_function_infos":', '"trace_function_infoZ":'), 'latin1'));
  for (const blockBytes of [997, 65_536]) {
    expectSameGraph((await loadSnapshot(file, { split: { minBytes: 0, blockBytes } })).graph, sequential.graph);
  }
});

test('damaged edges arrays give the one-thread outcome', async () => {
  const [path] = await makeSnapshot('basic');
  const original = readFileSync(path!);
  const edgesAt = original.indexOf('"edges":');
  const edgesEnd = original.indexOf(']', edgesAt);
  const dir = await mkdtemp(join(tmpdir(), 'heapdiff-split-'));
  const file = join(dir, 'mutated.heapsnapshot');
  // Bytes that matter to a number array: digits, separators, brackets, junk.
  const byte = fc.constantFrom(...'0123456789,,, ]-x'.split('').map((c) => c.charCodeAt(0)));
  const mutation = fc.record({
    at: fc.integer({ min: edgesAt, max: edgesEnd + 2 }),
    kind: fc.constantFrom('replace', 'delete', 'insert'),
    byte,
    blockBytes: fc.integer({ min: 64, max: 8192 }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
      let bytes = Buffer.from(original);
      for (const m of mutations) {
        const at = Math.min(m.at, bytes.length - 1);
        bytes = m.kind === 'replace' ? Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at + 1)])
          : m.kind === 'delete' ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
          : Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at)]);
      }
      writeFileSync(file, bytes);
      const sequential = await outcome(file, false);
      const split = await outcome(file, { minBytes: 0, blockBytes: mutations[0]!.blockBytes });
      if ('error' in sequential) expect(split).toEqual(sequential);
      else if ('graph' in split) expectSameGraph(split.graph, sequential.graph);
      else expect.fail(`split parse failed where the one-thread parse succeeded: ${split.error}`);
    }),
    { numRuns: RUNS, seed: Number(process.env.HEAPDIFF_SPLIT_SEED ?? 20261121) },
  );
}, 60_000 + RUNS * 3_000);
