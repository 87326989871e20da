import { HeapSnapshotError } from '../errors/errors.js';
import { IdIndex } from '../graph/id-index.js';

/** The set's bitmap covers ids below this many per node (V8's ids: about 2 per node). */
const DIRECT_IDS_PER_NODE = 64;

/**
 * The ids of a snapshot as a set, to refuse a repeated one as the nodes array is parsed: V8
 * never gives two objects one id, and every id lookup (diff, leaks, inspect, the drawings)
 * relies on that. V8 numbers objects 1, 3, 5… as it first sees them (embedder objects get even
 * ids), so a snapshot's ids are dense: one bit per possible id below 64 per node answers for
 * them from a bitmap that stays in cache (a few hundred kilobytes for a million nodes; untouched
 * pages cost no memory), tested inline by the parsers' record loops. Ids above it, which only
 * long-lived processes or crafted files have, go to an IdIndex. A full IdIndex for every id
 * would cost `summary` a tenth of its time and 16 bytes per node.
 */
export class SeenIds {
  /** One bit per id below directLimit. */
  readonly direct: Uint32Array;
  readonly directLimit: number;
  private others: IdIndex | null = null;

  constructor(private readonly nodeCount: number) {
    const words = Math.ceil(Math.min(2 ** 32, DIRECT_IDS_PER_NODE * Math.max(nodeCount, 1024)) / 32);
    this.direct = new Uint32Array(words);
    this.directLimit = words * 32;
  }

  /** Adds `id`; false if it was already there. */
  add(id: number): boolean {
    if (id >= this.directLimit) return this.addOther(id);
    const word = id >>> 5;
    const bit = 1 << (id & 31);
    const have = this.direct[word]!;
    if ((have & bit) !== 0) return false;
    this.direct[word] = have | bit;
    return true;
  }

  /** Adds an id at or above directLimit; false if it was already there. */
  addOther(id: number): boolean {
    this.others ??= IdIndex.withCapacity(this.nodeCount);
    return this.others.add(id, 0);
  }
}

/** Node `ordinal` repeats the id of an earlier node; `offset` is where its id ends. */
export function duplicateIdError(ids: Uint32Array, ordinal: number, id: number, offset: number): HeapSnapshotError {
  const first = ids.subarray(0, ordinal).indexOf(id);
  return new HeapSnapshotError('E_SNAPSHOT_DUPLICATE_ID', `nodes ${first} and ${ordinal} have the same id @${id} (ids are unique in a snapshot)`, offset);
}
