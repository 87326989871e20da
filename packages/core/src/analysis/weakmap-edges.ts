import type { HeapGraph } from '../graph/heap-graph.js';

/** Longest name V8 can write for such an edge (two 1024-character node names, ids, the text). */
const MAX_EPHEMERON_NAME_LENGTH = 4096;

/**
 * V8 names the two edges that keep a WeakMap value alive
 * `<n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap (table @<tableId>)`:
 * one from the table, one from the key. DevTools treats them specially; so do we.
 */
const EPHEMERON_NAME = /^\d+(?<duplicatedPart> \/ part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(?<tableId>\d+)\))$/;

export interface EphemeronName {
  duplicatedPart: string;
  tableId: number;
}

/** Caches the regex verdict per string index: the same edge names recur millions of times. */
export class EphemeronNames {
  private readonly notEphemeron: Uint8Array;
  private readonly parsed = new Map<number, EphemeronName>();

  constructor(private readonly graph: HeapGraph) {
    this.notEphemeron = new Uint8Array(graph.strings.length);
  }

  /** The parsed name if the string at `nameIndex` is an ephemeron edge name. */
  match(nameIndex: number): EphemeronName | undefined {
    if (this.notEphemeron[nameIndex]) return undefined;
    const known = this.parsed.get(nameIndex);
    if (known) return known;
    const name = this.graph.strings[nameIndex]!;
    // The lazy `.*?` pair makes a match quadratic in the name's length: a hostile snapshot could
    // stall the analysis on one long edge name. V8's names are two node names (≤ 1024 each) and ids.
    const m = name.length <= MAX_EPHEMERON_NAME_LENGTH ? EPHEMERON_NAME.exec(name) : null;
    if (!m?.groups) {
      this.notEphemeron[nameIndex] = 1;
      return undefined;
    }
    const result = { duplicatedPart: m.groups.duplicatedPart!, tableId: Number(m.groups.tableId) };
    this.parsed.set(nameIndex, result);
    return result;
  }
}
