import { safeText, visible } from './safe-text.js';

/** What a label is made from: plain data, as paths, subgraphs and JSON outputs carry it. */
export interface LabelSource {
  /** The node's name: a string's value, a function's name, a class, a root's name. */
  name: string;
  /** V8 node type: `object`, `closure`, `string`, `synthetic`... */
  type: string;
  /** The class `summary` puts it in. */
  className: string;
  /**
   * What the program calls it, when naming code worked it out: `onShutdown() app/conn.js:7:24`
   * for a function, `{module scope app/x.js}` for a scope. Shown whole (only escaped).
   */
  label?: string | null;
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
/** Types whose name is a value worth showing beside the class (`RegExp /a+/`, `(number) 3.5`). */
const VALUE_TYPES = new Set(['regexp', 'number', 'bigint', 'symbol']);

/**
 * V8 names a global object `<name> / <context>` when the embedder names its contexts (Chrome:
 * `Window / https://example.com`); Node under an inspector session leaves the context empty
 * (`global / `), which would print as `global /  @6045`.
 */
const EMPTY_CONTEXT = /\s+\/\s*$/;

/** A class name without an empty context part (`global / ` → `global`). */
export function withoutEmptyContext(className: string): string {
  return className.replace(EMPTY_CONTEXT, '') || className;
}

/** A class name for people: escaped, cut, without an empty context part. */
export function classLabel(className: string, max = 80): string {
  return safeText(withoutEmptyContext(className), max);
}

export function isStringType(type: string): boolean {
  return STRING_TYPES.has(type);
}

/**
 * The node's value alone, as drawings show it under the class: `"text…"`, `onTick()`, `/a+/`;
 * empty when the class says it all. Escaped and cut to `max` characters.
 */
export function nodeValue(n: LabelSource, max = 40): string {
  if (n.label && n.type === 'closure') return visible(n.label);
  // V8 names some strings after their type (`(sliced string)`) instead of their contents.
  if (n.name === n.className || n.name === `(${n.type})`) return '';
  if (STRING_TYPES.has(n.type)) return `"${safeText(n.name, max)}"`;
  if (n.type === 'closure') return `${safeText(n.name || '(anonymous)', max)}()`;
  if (VALUE_TYPES.has(n.type)) return safeText(n.name, max);
  return '';
}

/**
 * How a person recognises a node, in one line: the class (`Session`, `Array`), a string by its
 * quoted value, a function by its name (`onTick()`), a root by its name (`(GC roots)`), a regexp
 * or number with its value. Escaped and cut.
 */
export function nodeLabel(n: LabelSource, max = 80): string {
  if (n.label) return visible(n.label);
  if (n.type === 'synthetic' || n.type === 'hidden') return safeText(n.name, max);
  if (STRING_TYPES.has(n.type) || n.type === 'closure') return nodeValue(n, max) || classLabel(n.className, max);
  const value = nodeValue(n, max);
  return value ? `${classLabel(n.className, max)} ${value}` : classLabel(n.className, max);
}
