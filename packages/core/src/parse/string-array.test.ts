import { describe, expect, test } from 'vitest';
import { HeapSnapshotError } from '../errors/errors.js';
import { StringArrayTokenizer } from './string-array.js';

// Strings that take each path: plain ASCII, UTF-8, escapes, surrogate pairs, an escaped quote or
// backslash right before the closing quote.
const STRINGS = [
  '', 'Object', 'system / Context', 'héllo wörld', '日本語', '😀 emoji', 'tab\there', 'line\nbreak',
  'quote " inside', 'back\\slash', 'ends with \\', 'ends with "', '\u0001\u001f', '\ud83d\ude00', 'mixed é\n"😀"\\',
];
const json = Buffer.from(JSON.stringify(STRINGS).slice(1)); // the tokenizer starts after '['

function tokenize(chunks: Buffer[]): string[] {
  const tok = new StringArrayTokenizer('strings');
  let base = 1;
  for (const chunk of chunks) {
    const used = tok.write(chunk, 0, chunk.length, base);
    base += chunk.length;
    if (tok.done) expect(used).toBeLessThanOrEqual(chunk.length);
  }
  expect(tok.done).toBe(true);
  return tok.strings;
}

describe('StringArrayTokenizer', () => {
  test('decodes every string like JSON.parse, in one chunk', () => {
    expect(tokenize([json])).toEqual(STRINGS);
  });

  test('decodes the same with a chunk boundary at every byte', () => {
    for (let cut = 0; cut <= json.length; cut++) {
      expect(tokenize([json.subarray(0, cut), json.subarray(cut)])).toEqual(STRINGS);
    }
  });

  test('decodes the same one byte at a time', () => {
    expect(tokenize([...json].map((b) => Buffer.from([b])))).toEqual(STRINGS);
  });

  test('a bad escape is a syntax error pointing at its string', () => {
    const bad = Buffer.from('"ok","a\\qb"]');
    const tok = new StringArrayTokenizer('strings');
    try {
      tok.write(bad, 0, bad.length, 100);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HeapSnapshotError);
      expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_SYNTAX');
      expect((error as HeapSnapshotError).offset).toBe(105);
    }
  });

  test('checking without keeping counts the same strings and stops at the same errors', () => {
    for (let cut = 0; cut <= json.length; cut++) {
      const check = new StringArrayTokenizer('strings', undefined, false);
      check.write(json.subarray(0, cut), 0, cut, 1);
      check.write(json.subarray(cut), 0, json.length - cut, 1 + cut);
      expect([check.done, check.count, check.strings.length]).toEqual([true, STRINGS.length, 0]);
    }
    const bad = Buffer.from('"ok","a\\qb"]');
    expect(() => new StringArrayTokenizer('strings', undefined, false).write(bad, 0, bad.length, 100)).toThrow(HeapSnapshotError);
  });

  test('one string more than the count limit is refused at its opening quote, kept or not', () => {
    const three = Buffer.from('"a", "b\\n", "c"]');
    for (const keep of [true, false]) {
      for (const chunk of [1, three.length]) {
        const tok = new StringArrayTokenizer('strings', { maxCount: 2, countReason: 'test', maxHeapBytes: Infinity }, keep);
        const error = (() => {
          try {
            for (let i = 0; i < three.length; i += chunk) tok.write(three.subarray(i, i + chunk), 0, Math.min(chunk, three.length - i), 10 + i);
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(HeapSnapshotError);
        expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_STRING_COUNT');
        expect((error as HeapSnapshotError).offset).toBe(10 + three.indexOf('"c"'));
      }
    }
  });

  test('strings beyond the heap limit are refused', () => {
    const long = Buffer.from(`${JSON.stringify('x'.repeat(1000))},${JSON.stringify('y'.repeat(1000))}]`);
    const tok = new StringArrayTokenizer('strings', { maxCount: Infinity, countReason: '', maxHeapBytes: 1500 });
    expect(() => tok.write(long, 0, long.length, 0)).toThrow(expect.objectContaining({ code: 'E_SNAPSHOT_TOO_LARGE', offset: 1003 }));
  });
});
