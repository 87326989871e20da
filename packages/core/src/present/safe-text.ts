// Heap strings are untrusted: a property name or a string's contents must not drive the terminal
// that shows them, reorder the text around them, or break the format they are written into. Every
// string from a snapshot that heapdiff prints passes through `visible` (and most through `safeText`).

/**
 * C0/C1 controls, DEL, line and paragraph separators, and the bidi marks and controls that can make
 * text lie about itself (U+061C, U+200E/F, U+202A–E, U+2066–9).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Unsafe characters as visible escapes (`\n`, `\u202e`); lone surrogates become U+FFFD. */
export function visible(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The first `max` code points, and `…` when there were more (never splits a surrogate pair). */
export function truncate(text: string, max: number): string {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    if (++count === max && i + 1 < text.length) return `${text.slice(0, i + 1)}…`;
  }
  return text;
}

/** Cut to `max` code points, then `visible` (so no escape is ever cut in half). */
export function safeText(text: string, max = 120): string {
  return visible(truncate(text, max));
}
