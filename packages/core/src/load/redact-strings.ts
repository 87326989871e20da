import { createHash } from 'node:crypto';
import { CONS_PLACEHOLDER, consStringValue, MAX_NAME_LENGTH } from '../naming/node-name.js';
import type { HeapGraph } from '../graph/heap-graph.js';

/** `<string len=42 sha256:1a2b3c4d>`: enough to tell values apart and match them, nothing of the text. */
export function redactedString(value: string): string {
  const hash = createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);
  return `<string len=${value.length} sha256:${hash}>`;
}

/**
 * Replaces the values of string nodes (plain, concatenated and sliced) with `redactedString`
 * stand-ins, so no output can show them. Property names, class names and every other string stay:
 * strings are interned and shared (a property name may also be a string value), so the nodes'
 * name indexes are pointed at new strings appended to the table instead of overwriting entries.
 * Runs once, right after loading, before anything reads names.
 */
export function redactStringValues(g: HeapGraph): void {
  const { nodeType, nodeNameIndex, strings } = g;
  const t = g.nodeTypeId;
  const n = g.nodeCount;
  // Cons strings first: their values are rebuilt from the parts' names, which are about to go.
  const consTokens = new Map<number, string>();
  if (t.concatenatedString >= 0) {
    for (let o = 0; o < n; o++) {
      if (nodeType[o] !== t.concatenatedString || g.nodeName(o) !== CONS_PLACEHOLDER) continue;
      const value = consStringValue(g, o, MAX_NAME_LENGTH);
      if (value) consTokens.set(o, redactedString(value.slice(0, MAX_NAME_LENGTH)));
    }
  }
  const slicedPlaceholder = strings.indexOf('(sliced string)');
  // One stand-in per distinct value: equal strings share a name index, so they share a token.
  const replacement = new Map<number, number>();
  const intern = (token: string): number => strings.push(token) - 1;
  for (let o = 0; o < n; o++) {
    const type = nodeType[o];
    if (type !== t.string && type !== t.slicedString) continue;
    const index = nodeNameIndex[o]!;
    if (type === t.slicedString && index === slicedPlaceholder) continue;
    let to = replacement.get(index);
    if (to === undefined) {
      to = intern(redactedString(strings[index]!));
      replacement.set(index, to);
    }
    nodeNameIndex[o] = to;
  }
  const byToken = new Map<string, number>();
  for (const [o, token] of consTokens) {
    let to = byToken.get(token);
    if (to === undefined) {
      to = intern(token);
      byToken.set(token, to);
    }
    nodeNameIndex[o] = to;
  }
}
