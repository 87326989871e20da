import { describe, expect, test } from 'vitest';
import { LocationKeys } from './location-keys.js';

describe('LocationKeys', () => {
  test('finds what was added, through growth, and nothing else', () => {
    const keys = new LocationKeys();
    const reference = new Map<string, number>();
    // Many keys that differ in one field only, and 32-bit extremes.
    for (let i = 0; i < 5000; i++) {
      const key = [i % 7, i % 3 === 0 ? 0xffffffff : i, (i * 31) % 1000, i % 11] as const;
      const text = key.join(',');
      if (reference.has(text)) continue;
      expect(keys.find(...key)).toBe(-1);
      keys.add(...key, reference.size);
      reference.set(text, reference.size);
    }
    for (const [text, id] of reference) {
      const [a, b, c, d] = text.split(',').map(Number) as [number, number, number, number];
      expect(keys.find(a, b, c, d)).toBe(id);
    }
    expect(keys.find(99, 99, 99, 99)).toBe(-1);
  });
});
