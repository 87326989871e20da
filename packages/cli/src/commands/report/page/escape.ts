import { safeText } from '@heapdiff/core';
// The report embeds strings from the heap (class names, property names, string values, file
// paths): all of them are untrusted. Every one reaches the page through `escapeHtml` (text and
// quoted attribute values) or `jsonForScript` (the data island); nothing else writes them.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A heap string for display: control and bidi characters made visible, cut to `max`, escaped. */
export function heapText(text: string, max = 200): string {
  return escapeHtml(safeText(text, max));
}

// Inside <script type="application/json"> the HTML parser only looks for `</script` and `<!--`;
// with no `<` left neither can occur. `>` and `&` go too (belt and braces), and U+2028/2029 so the
// text is also valid inside a JavaScript string literal.
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON text for a data island, equal to `JSON.stringify(value)` once parsed. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
