// Heap strings are untrusted: a property name or a string's contents must not drive the terminal
// that shows them, reorder the text around them, or break the format they are written into. Every
// string from a snapshot that heapdiff prints passes through `visible` (and most through `safeText`).

/**
 * C0/C1 controls, DEL, line and paragraph separators, and the bidi marks and controls that can make
 * text lie about itself (U+061C, U+200E/F, U+202A–E, U+2066–9).
 */
const UNSAFE_BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f${UNSAFE_BEYOND_C0}]`, 'g');
/** What JSON.stringify leaves raw of UNSAFE: it escapes C0 controls itself. */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_BEYOND_C0}]`, 'g');

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

/**
 * JSON text (from JSON.stringify) with the unsafe characters it leaves raw written as `\uXXXX`
 * escapes: DEL, C1 controls, bidi controls and U+2028/9. They can only occur inside strings, where
 * the escape means the same character, so the document parses to the same value.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
