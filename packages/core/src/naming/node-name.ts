import type { HeapGraph } from '../graph/heap-graph.js';
import { displayName } from './class-names.js';

/** V8 cuts string node names at this many characters; DevTools flattens cons strings as far. */
export const MAX_NAME_LENGTH = 1024;

/**
 * A node's name as DevTools shows it in its Name column: a concatenated string's value (V8 names
 * those nodes `(concatenated string)`; the value is rebuilt from the `first` / `second` parts),
 * otherwise the display name (`Detached ` prefix for detached DOM nodes). Cut to `maxLength`
 * characters with a trailing `…` when longer.
 */
export function nodeDisplayName(g: HeapGraph, domState: Uint8Array | null, o: number, maxLength = MAX_NAME_LENGTH): string {
  // A cons string named anything but the placeholder already carries its value (or, redacted, a stand-in for it).
  const value = g.nodeType[o] === g.nodeTypeId.concatenatedString && g.nodeName(o) === CONS_PLACEHOLDER ? consStringValue(g, o, maxLength + 1) : '';
  const name = value || displayName(g, domState, o);
  return name.length > maxLength ? `${name.slice(0, Math.max(0, maxLength - 1))}…` : name;
}

/** Parts visited at most: a malformed snapshot could loop cons strings into a cycle. */
const MAX_PARTS = 100_000;

/** What V8 names every concatenated string node. */
export const CONS_PLACEHOLDER = '(concatenated string)';

/** Left-to-right walk over a cons string's tree, stopping once `limit` characters are known. */
export function consStringValue(g: HeapGraph, o: number, limit: number): string {
  const cons = g.nodeTypeId.concatenatedString;
  const internal = g.edgeTypeId.internal;
  const { firstEdgeIndex, edgeType, edgeNameOrIndex, edgeToOrdinal, strings } = g;
  const stack = [o];
  let value = '';
  for (let parts = 0; stack.length > 0 && value.length < limit && parts < MAX_PARTS; parts++) {
    const node = stack.pop()!;
    if (g.nodeType[node] !== cons) {
      value += g.nodeName(node);
      continue;
    }
    let first = -1;
    let second = -1;
    for (let e = firstEdgeIndex[node]!, end = firstEdgeIndex[node + 1]!; e < end; e++) {
      if (edgeType[e] !== internal) continue;
      const name = strings[edgeNameOrIndex[e]!];
      if (name === 'first') first = edgeToOrdinal[e]!;
      else if (name === 'second') second = edgeToOrdinal[e]!;
    }
    if (second >= 0) stack.push(second);
    if (first >= 0) stack.push(first);
  }
  return value;
}
