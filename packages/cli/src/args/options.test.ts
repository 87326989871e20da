import { describe, expect, test } from 'vitest';
import { UsageError } from '../errors.js';
import { parseNodeId } from './options.js';

describe('parseNodeId', () => {
  test('accepts 12345 and @12345', () => {
    expect(parseNodeId('12345')).toBe(12345);
    expect(parseNodeId('@12345')).toBe(12345);
    expect(parseNodeId(' @7 ')).toBe(7);
    expect(parseNodeId(42)).toBe(42);
  });

  test.each(['', '@', 'abc', '12a', '-5', '1.5', '@@1', '99999999999', '1,2'])('rejects %j as a usage error', (text) => {
    expect(() => parseNodeId(text)).toThrow(UsageError);
  });
});
