import { describe, expect, test } from 'vitest';
import { leakGraphBaseName } from './leak-graphs.js';

describe('leakGraphBaseName', () => {
  test('rank, then the class name', () => {
    expect(leakGraphBaseName(1, 5, 'LeakyRequest')).toBe('01-LeakyRequest');
    expect(leakGraphBaseName(12, 120, 'system / Context')).toBe('012-system_Context');
    expect(leakGraphBaseName(3, 3, '{content-type, x-request-id}')).toBe('03-content-type_x-request-id');
  });

  test.each([
    '../../etc/passwd', '..', '.', '/', 'C:\\Windows\\win.ini', 'a\u0000b', 'line\nbreak', '\u202etxt.exe',
    'Δ-класс', '$(rm -rf ~)', 'x'.repeat(500), '',
  ])('a hostile class name %j gives a plain file name', (name) => {
    const base = leakGraphBaseName(7, 20, name);
    expect(base).toMatch(/^07-[A-Za-z0-9_-]{1,60}$/);
    expect(base).not.toContain('..');
  });
});
