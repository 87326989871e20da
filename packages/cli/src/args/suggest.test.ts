import { describe, expect, test } from 'vitest';
import { closest, editDistance } from './suggest.js';

describe('editDistance', () => {
  test.each([['kitten', 'sitting', 3], ['sumary', 'summary', 1], ['limt', 'limit', 1], ['sesion', 'Session', 1], ['ab', 'ba', 1], ['', 'abc', 3]])(
    '%s → %s: %d', (a, b, d) => expect(editDistance(a, b)).toBe(d),
  );

  test('gives up past the bound', () => {
    expect(editDistance('a'.repeat(100), 'b'.repeat(100), 2)).toBe(3);
  });
});

describe('closest', () => {
  const commands = ['summary', 'diff', 'leaks', 'growth', 'orphans', 'path', 'inspect', 'backrefs', 'refs', 'record', 'report', 'demo'];

  test.each([['sumary', 'summary'], ['lekas', 'leaks'], ['inspcet', 'inspect'], ['repotr', 'report'], ['dmeo', 'demo']])('%s → %s', (typed, meant) => {
    expect(closest(typed, commands)).toBe(meant);
  });

  test.each(['foo', 'x', 'summarize-everything', 'graph'])('%s suggests nothing', (typed) => {
    expect(closest(typed, commands)).toBeUndefined();
  });

  test('class names: a slip of one letter, not any short name', () => {
    expect(closest('Sesion', ['Session', 'Set', 'Object'])).toBe('Session');
    expect(closest('Sssn', ['Session', 'Set'])).toBeUndefined();
  });
});
