// Heap strings are untrusted input: a property name or string contents must never end a DOT
// string, open an HTML tag, smuggle in a Graphviz escape (\N, \l) or an entity, or carry control
// characters into the file. Every string from a snapshot goes through one of these.

import { truncate, visible } from '@heapdiff/core';

/**
 * Code points a DOT string keeps (then `…`). Graphviz refuses a quoted string past 16,384
 * characters, and escaping makes one code point up to seven (`\\u202e` with its backslash doubled);
 * a 1 MB class name in a caption must still make a drawing.
 */
export const MAX_DOT_STRING = 1000;

/**
 * A DOT double-quoted string whose label shows `text` (cut to MAX_DOT_STRING code points):
 * backslashes doubled (Graphviz would read `\N`, `\l`... as escapes), quotes escaped, `&` as `&amp;`
 * (Graphviz decodes entities in ordinary labels too). Apply `visible` first: the result contains
 * no raw control characters.
 */
export function dotString(text: string): string {
  const escaped = visible(truncate(text, MAX_DOT_STRING)).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');
  return `"${escaped}"`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for inside an HTML-like label (`label=<...>`): markup characters as entities, backslashes
 * doubled (Graphviz expands `\N`, `\G`... in HTML labels too, after decoding entities). Cut to
 * MAX_DOT_STRING code points like `dotString`.
 */
export function htmlText(text: string): string {
  return visible(truncate(text, MAX_DOT_STRING)).replace(/\\/g, '\\\\').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
