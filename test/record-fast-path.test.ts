// The number-array parsers take whole records on a fast path when a chunk has room for them, and
// fall back to their general loop for anything unusual. Fed in 48-byte chunks they never take the
// fast path, so on damaged real snapshots the two ways must give the same columns or the same error
// (code, offset and message), for the full parse and for the ids-only parse of a baseline.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HeapSnapshotError } from '@heapdiff/core';
// White box: the parser fed whole chunks (record fast path) and tiny ones (general loop).
import type { ParsedSnapshot } from '../packages/core/dist/parse/parsed-snapshot.js';
import { SnapshotParser } from '../packages/core/dist/parse/snapshot-parser.js';
import { WANTED_MAJORS, availableMajors } from './helpers/node-binaries.js';
import { makeSnapshot } from './helpers/snapshots.js';

const RUNS = Number(process.env.HEAPDIFF_FAST_PATH_RUNS ?? 60);
/** Smaller than every fast path's margin. */
const SLOW_CHUNK = 48;

type Outcome = { columns: Record<string, Buffer>; ids?: undefined } | { ids: Buffer } | { error: string };

function parse(bytes: Buffer, chunk: number, idsOnly: boolean): Outcome {
  const parser = new SnapshotParser({ maxBytes: bytes.length, idsOnly });
  try {
    for (let at = 0; at < bytes.length; at += chunk) parser.write(bytes.subarray(at, Math.min(bytes.length, at + chunk)));
    if (idsOnly) return { ids: bytesOf(parser.endIds().ids) };
    return { columns: columnsOf(parser.end()) };
  } catch (error) {
    if (!(error instanceof HeapSnapshotError)) throw error;
    return { error: `${error.code} at ${error.offset}: ${error.message}` };
  }
}

function columnsOf(parsed: ParsedSnapshot): Record<string, Buffer> {
  const { nodes, edges, locations } = parsed;
  const out: Record<string, Buffer> = {};
  for (const [name, column] of Object.entries({ ...nodes, ...edges })) out[name] = bytesOf(column);
  if (locations) {
    for (const name of ['ordinal', 'scriptId', 'line', 'column'] as const) out[`location.${name}`] = bytesOf(locations[name].subarray(0, locations.count));
  }
  return out;
}

function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function expectSame(fast: Outcome, slow: Outcome): void {
  if ('error' in slow) return expect(fast).toEqual(slow);
  expect('error' in fast ? fast.error : 'parsed').toBe('parsed');
  if ('ids' in slow && slow.ids) return expect(Buffer.compare((fast as { ids: Buffer }).ids, slow.ids)).toBe(0);
  const [a, b] = [(fast as { columns: Record<string, Buffer> }).columns, (slow as { columns: Record<string, Buffer> }).columns];
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) expect(Buffer.compare(a[name]!, b[name]!), name).toBe(0);
}

/** Where each number of the nodes, edges and locations arrays lies: [start, end) pairs. */
function numberSpans(bytes: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  for (const key of ['"nodes":', '"edges":', '"locations":']) {
    const open = bytes.indexOf(key);
    if (open === -1) continue;
    const close = bytes.indexOf(']', open);
    for (let i = bytes.indexOf('[', open) + 1; i < close; i++) {
      if (bytes[i]! < 0x30 || bytes[i]! > 0x39) continue;
      const start = i;
      while (bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) i++;
      spans.push([start, i + 1]);
    }
  }
  return spans;
}

describe.each(WANTED_MAJORS)('Node %i snapshot', (major) => {
  test.skipIf(!availableMajors.includes(major))('fast and general record parsing agree on damaged arrays', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    const original = readFileSync(path!);
    for (const idsOnly of [false, true]) expectSame(parse(original, 1 << 22, idsOnly), parse(original, SLOW_CHUNK, idsOnly));
    const spans = numberSpans(original);
    // Each mutation replaces one number (of any field, in any array) or the bytes around it:
    // separators V8 never writes inside a record, junk, nothing, and numbers too big for their
    // column or for a double.
    const text = fc.constantFrom('', '0', '7', '99', '4294967295', '4294967296', '99999999999999999999', '1 ', ' 1', '1\n', '1\r\n', '1,', '1]', '-1', 'x', '1,2');
    const mutation = fc.record({ span: fc.nat(spans.length - 1), text, around: fc.boolean() });
    await fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.boolean(), (mutations, idsOnly) => {
        // Last span first, so earlier offsets stay valid.
        const sorted = [...mutations].sort((a, b) => b.span - a.span);
        let bytes = Buffer.from(original);
        for (const m of sorted) {
          const [start, end] = spans[m.span]!;
          const [from, to] = m.around ? [start - 1, end + 1] : [start, end];
          bytes = Buffer.concat([bytes.subarray(0, from), Buffer.from(m.text), bytes.subarray(to)]);
        }
        expectSame(parse(bytes, 1 << 22, idsOnly), parse(bytes, SLOW_CHUNK, idsOnly));
      }),
      { numRuns: RUNS, seed: Number(process.env.HEAPDIFF_FAST_PATH_SEED ?? 20261121) },
    );
  }, 60_000 + RUNS * 500);
});
