import { describe, expect, test } from 'vitest';
import { colorEnabled } from './colors.js';

describe('colorEnabled', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  test('--color and --no-color win over everything', () => {
    expect(colorEnabled(true, pipe, { NO_COLOR: '1' })).toBe(true);
    expect(colorEnabled(false, tty, { FORCE_COLOR: '1' })).toBe(false);
  });
  test('then NO_COLOR, then FORCE_COLOR', () => {
    expect(colorEnabled(undefined, tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(undefined, tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(undefined, pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(undefined, pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled(undefined, tty, { FORCE_COLOR: '0' })).toBe(false);
  });
  test('then a terminal that is not dumb', () => {
    expect(colorEnabled(undefined, tty, {})).toBe(true);
    expect(colorEnabled(undefined, pipe, {})).toBe(false);
    expect(colorEnabled(undefined, tty, { TERM: 'dumb' })).toBe(false);
  });
});
