import { describe, expect, test } from 'vitest';
import { classLabel, nodeLabel } from './labels.js';

describe('the global object of a snapshot taken through the inspector (`global / `)', () => {
  test('its label has no stray separator', () => {
    expect(nodeLabel({ name: 'global / ', type: 'object', className: 'global / ' })).toBe('global');
    expect(classLabel('global / ')).toBe('global');
  });

  test('a named context stays, and so does a name that is only a slash', () => {
    expect(classLabel('Window / https://example.com')).toBe('Window / https://example.com');
    expect(nodeLabel({ name: 'Window / https://a.example', type: 'object', className: 'Window / https://a.example' })).toBe('Window / https://a.example');
    expect(classLabel(' / ')).toBe(' / ');
  });
});
