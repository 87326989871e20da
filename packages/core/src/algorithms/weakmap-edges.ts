/** Longest name V8 can write for such an edge (two 1024-character node names, ids, the text). */
const MAX_EPHEMERON_NAME_LENGTH = 4096;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * V8 names the two edges that keep a WeakMap value alive
 * `<n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap (table @<tableId>)`:
 * one from the table, one from the key. DevTools treats them specially; so do we.
 */
const EPHEMERON_NAME = /^\d+(?<duplicatedPart> \/ part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(?<tableId>\d+)\))$/;

export interface EphemeronName {
  duplicatedPart: string;
  /** Same id for the two edges of one key/value pair. */
  partId: number;
  tableId: number;
}

/**
 * Every ephemeron edge name in the strings table, found in one pass when the analysis starts (a
 * cheap prefix test skips nearly all strings). The sorted index columns let a worker, which has no
 * strings, recognise the same edges.
 */
export class EphemeronNames {
  /** Ascending string indices of ephemeron edge names. */
  readonly nameIndex: Uint32Array;
  /** For each entry of nameIndex, the id of its duplicated part. */
  readonly partId: Uint32Array;
  /** For each entry of nameIndex, the id of its WeakMap's table. */
  readonly tableId: Float64Array;
  readonly partCount: number;
  private readonly byIndex = new Map<number, EphemeronName>();
  /** One bit per string: most lookups (every internal edge) end here, without hashing. */
  readonly bits: Uint32Array;

  constructor(strings: readonly string[]) {
    this.bits = new Uint32Array(Math.ceil(strings.length / 32));
    const parts = new Map<string, number>();
    const indices: number[] = [];
    for (let i = 0; i < strings.length; i++) {
      const name = strings[i]!;
      const first = name.charCodeAt(0);
      if (first < DIGIT_0 || first > DIGIT_9 || name.length > MAX_EPHEMERON_NAME_LENGTH || !name.includes(' / part of key (')) continue;
      // The lazy `.*?` pair makes a match quadratic in the name's length: a hostile snapshot could
      // stall the analysis on one long edge name. V8's names are two node names (≤ 1024 each) and ids.
      const groups = EPHEMERON_NAME.exec(name)?.groups;
      if (!groups) continue;
      const duplicatedPart = groups.duplicatedPart!;
      let partId = parts.get(duplicatedPart);
      if (partId === undefined) parts.set(duplicatedPart, (partId = parts.size));
      this.byIndex.set(i, { duplicatedPart, partId, tableId: Number(groups.tableId) });
      this.bits[i >>> 5]! |= 1 << (i & 31);
      indices.push(i);
    }
    this.nameIndex = Uint32Array.from(indices);
    this.partId = Uint32Array.from(indices, (i) => this.byIndex.get(i)!.partId);
    this.tableId = Float64Array.from(indices, (i) => this.byIndex.get(i)!.tableId);
    this.partCount = parts.size;
  }

  /** The parsed name if the string at `nameIndex` is an ephemeron edge name. */
  match(nameIndex: number): EphemeronName | undefined {
    return (this.bits[nameIndex >>> 5]! & (1 << (nameIndex & 31))) === 0 ? undefined : this.byIndex.get(nameIndex);
  }
}
