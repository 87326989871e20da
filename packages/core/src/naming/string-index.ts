import type { HeapGraph } from '../graph/heap-graph.js';

/** Edge and node names the naming code looks for, as string indices (-1 when absent). */
export const KNOWN_NAMES = [
  'shared', 'script', 'script_or_debug_info', 'scope_info', 'context', 'previous', 'extension', 'function', 'bound_function',
  'table', 'elements', 'properties', 'value', 'exports', 'filename', 'reactions_or_result', '_events', '_idleNext',
  'system / Context', 'system / NativeContext', 'system / SourceTextModule', 'system / Cell', 'system / PromiseReaction', 'system / AllocationSite',
  'Module', 'Generator', 'Promise', 'TimersList', 'Timeout', 'Array', 'Map', 'Set', 'Object', 'timerListMap', '__proto__',
] as const;

export type KnownName = (typeof KNOWN_NAMES)[number];

const MAX_KNOWN_LENGTH = Math.max(...KNOWN_NAMES.map((name) => name.length));

/**
 * The string index of each known name, found in one pass over the strings table (a snapshot can
 * hold millions of strings; one `indexOf` per name would scan them all each time).
 */
export function knownNameIndex(g: HeapGraph): Record<KnownName, number> {
  const wanted = new Map<string, KnownName>(KNOWN_NAMES.map((name) => [name, name]));
  const result = Object.fromEntries(KNOWN_NAMES.map((name) => [name, -1])) as Record<KnownName, number>;
  // A string of another length or first letter is skipped without hashing it (most of a big heap's strings).
  const lengths = new Uint8Array(MAX_KNOWN_LENGTH + 1);
  const firsts = new Uint8Array(128);
  for (const name of KNOWN_NAMES) {
    lengths[name.length] = 1;
    firsts[name.charCodeAt(0)] = 1;
  }
  let left = KNOWN_NAMES.length;
  const { strings } = g;
  for (let i = 0; i < strings.length && left > 0; i++) {
    const s = strings[i]!;
    if (s.length > MAX_KNOWN_LENGTH || lengths[s.length] === 0 || firsts[s.charCodeAt(0)] !== 1) continue;
    const name = wanted.get(s);
    if (name !== undefined && result[name] < 0) {
      result[name] = i;
      left--;
    }
  }
  return result;
}

/** The target of `o`'s first edge of this type and name (a string index), or -1. */
export function childByName(g: HeapGraph, o: number, edgeType: number, nameIndex: number): number {
  if (nameIndex < 0 || edgeType < 0) return -1;
  const { firstEdgeIndex, edgeType: types, edgeNameOrIndex, edgeToOrdinal } = g;
  for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
    if (types[e] === edgeType && edgeNameOrIndex[e] === nameIndex) return edgeToOrdinal[e]!;
  }
  return -1;
}
