import { describe, expect, test } from 'vitest';
import { escapeHtml, heapText, jsonForScript } from './escape.js';

const DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (html: string): string => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => DECODE[e]!);

/** Strings of every kind of character, markup-heavy, reproducible. */
function* samples(): Generator<string> {
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const alphabet = ['<', '>', '&', '"', "'", '/', '=', ' ', 'a', 'script', '\u2028', '\u2029', '\u0000', '\ud83d', '\ude00', 'é', '\\', '`', '&amp;', '<!--', ']]>'];
  for (let n = 0; n < 2000; n++) {
    let s = '';
    const length = Math.floor(next() * 24);
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
  yield '<img src=x onerror=alert(1)>';
  yield '</script><script>alert(1)</script>';
}

describe('escapeHtml', () => {
  test('every UTF-16 code unit: markup characters become entities, all others pass unchanged', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const expected = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] ?? c;
      if (escapeHtml(c) !== expected) expect(escapeHtml(c), `U+${code.toString(16)}`).toBe(expected);
    }
  });

  test('the result has no markup characters left and decodes back to the input', () => {
    for (const s of samples()) {
      const html = escapeHtml(s);
      expect(html).not.toMatch(/[<>"']/);
      expect(html.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      expect(decode(html)).toBe(s);
    }
  });
});

describe('heapText', () => {
  test('control and bidi characters become visible escapes, markup is escaped, long text is cut', () => {
    expect(heapText('a\u202eb\u0007<c>')).toBe('a\\u202eb\\u0007&lt;c&gt;');
    expect(heapText('x'.repeat(300), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('jsonForScript', () => {
  test('parses back to the same value and contains nothing the HTML parser reacts to inside <script>', () => {
    for (const s of samples()) {
      const value = { s, list: [s, 1, null], [s]: true };
      const text = jsonForScript(value);
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });
});
