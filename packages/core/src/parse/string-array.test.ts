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
});
