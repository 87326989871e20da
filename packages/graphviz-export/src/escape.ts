// Heap strings are untrusted input: a property name or string contents must never end a DOT
// string, open an HTML tag, smuggle in a Graphviz escape (\N, \l) or an entity, or carry control
// characters into the file. Every string from a snapshot goes through one of these.

// C0/C1 controls, DEL, line/paragraph separators and the bidi controls that can reorder text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Control characters as visible escapes (`\n`, `\u0007`); lone surrogates become U+FFFD. */
export function visible(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** At most `max` code points, with `…` when cut (never splits a surrogate pair). */
export function truncate(text: string, max: number): string {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    if (++count === max && i + 1 < text.length) return `${text.slice(0, i + 1)}…`;
  }
  return text;
}

/**
 * A DOT double-quoted string whose label shows exactly `text`: backslashes doubled (Graphviz would
 * read `\N`, `\l`... as escapes), quotes escaped, `&` as `&amp;` (Graphviz decodes entities in
 * ordinary labels too). Apply `visible` first: the result contains no raw control characters.
 */
export function dotString(text: string): string {
  const escaped = visible(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;');
  return `"${escaped}"`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for inside an HTML-like label (`label=<...>`): markup characters as entities, backslashes
 * doubled (Graphviz expands `\N`, `\G`... in HTML labels too, after decoding entities).
 */
export function htmlText(text: string): string {
  return visible(text).replace(/\\/g, '\\\\').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
