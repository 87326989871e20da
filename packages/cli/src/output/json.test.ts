import { expect, test } from 'vitest';
import { formatJson } from './json.js';

test('formatJson escapes what JSON.stringify leaves raw, and parses back to the same value', () => {
  const value = { name: 'c1\u009b[31m\u0085 bidi\u202e\u2066x\u2069 rlm\u200f alm\u061c ls\u2028ps\u2029 del\u007f', nested: ['\u0000\n'] };
  const text = formatJson(value);
  expect(text).not.toMatch(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  expect(text).toContain('\\u009b');
  expect(text).toContain('\\u2028');
  expect(text).toContain('\\u202e');
  expect(JSON.parse(text)).toEqual(value);
  expect(text.endsWith('}\n')).toBe(true);
});
