import { describe, expect, test } from 'vitest';
import { UsageError } from '../errors.js';
import { parseCount } from './numbers.js';
import { parseSize } from './size.js';

describe('parseCount', () => {
  test.each([[20, 20], ['20', 20], [' 7 ', 7], ['0', 0], [0, 0], [['3', '5'], 5]])('%j → %d', (value, expected) => {
    expect(parseCount(value, '--limit')).toBe(expected);
  });

  test.each(['abc', '-5', -5, '', '1.5', 1.5, NaN, true, undefined, '0x10', '1e3', '99999999999999999999'])('%j is a usage error', (value) => {
    expect(() => parseCount(value, '--limit')).toThrow(UsageError);
  });

  test('a minimum', () => {
    expect(() => parseCount('0', '--paths', 1)).toThrow(/--paths: expected a whole number \(1 or more\), got "0"/);
    expect(parseCount('1', '--paths', 1)).toBe(1);
  });
});

describe('parseSize', () => {
  test.each([['500kB', 500_000], ['1MB', 1_000_000], ['1.5 GB', 1_500_000_000], ['1000', 1000], [['1kB', '2kB'], 2000]])('%j → %d', (value, expected) => {
    expect(parseSize(value, '--min-size')).toBe(expected);
  });

  test.each(['3 parsecs', '', '-1MB', 'MB', '1 TB', undefined])('%j is refused with exit 2 (an expected error with a code)', (value) => {
    expect(() => parseSize(value, '--min-size')).toThrow(expect.objectContaining({ code: 'E_INVALID_OPTION' }));
  });
});
