import { describe, expect, test } from 'vitest';
import { formatEdgeLabel } from './edge-label.js';

describe('formatEdgeLabel writes edges like DevTools', () => {
  test.each([
    ['leakedRequests', 'property', '.leakedRequests'],
    ['<symbol owner_symbol>', 'property', '["<symbol owner_symbol>"]'],
    ['17', 'element', '[17]'],
    ['state', 'context', '->state'],
    ['map', 'internal', '{map}'],
    ['3', 'hidden', '{3}'],
    ['global', 'shortcut', '.global'],
    ['target', 'weak', '[[target]]'],
  ])('%s (%s) → %s', (name, type, label) => {
    expect(formatEdgeLabel(name, type)).toBe(label);
  });
});
