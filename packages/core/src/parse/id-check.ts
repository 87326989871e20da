import { HeapSnapshotError } from '../errors/errors.js';
import { IdIndex } from '../graph/id-index.js';
import { DIGIT_0, DIGIT_9 } from './bytes.js';

/** The set's direct part covers ids below this many per node (V8's ids: about 2 per node). */
const DIRECT_IDS_PER_NODE = 64;

/** Something that can add ids and tell which one was already there: IdIndex, or SeenIds. */
export interface IdAdder {
  /** Adds `ids[from..to)`; returns the first position whose id was already added, or -1. */
  addRange(ids: Uint32Array, from: number, to: number): number;
}

/**
 * The ids of a snapshot as a set, only to find a repeated one while the nodes array is parsed.
 * V8 numbers objects 1, 3, 5… as it first sees them (embedder objects get even ids), so a
 * snapshot's ids are dense: one bit per possible id below 64 per node answers for them from a
 * bitmap that stays in cache (a few hundred kilobytes for a million nodes; untouched pages cost
 * no memory). Ids above that, which only long-lived processes or crafted files have, go to an
 * IdIndex. A full IdIndex here would cost summary a tenth of its time and 16 bytes per node.
 */
export class SeenIds implements IdAdder {
  private readonly direct: Uint32Array;
  private readonly directLimit: number;
  private others: IdIndex | null = null;

  constructor(private readonly nodeCount: number) {
    const words = Math.ceil(Math.min(2 ** 32, DIRECT_IDS_PER_NODE * Math.max(nodeCount, 1024)) / 32);
    this.direct = new Uint32Array(words);
    this.directLimit = words * 32;
  }

  addRange(ids: Uint32Array, from: number, to: number): number {
    const direct = this.direct;
    const limit = this.directLimit;
    for (let o = from; o < to; o++) {
      const id = ids[o]!;
      if (id < limit) {
        const word = id >>> 5;
        const bit = 1 << (id & 31);
        if ((direct[word]! & bit) !== 0) return o;
        direct[word]! |= bit;
      } else {
        this.others ??= IdIndex.withCapacity(this.nodeCount);
        if (this.others.addRange(ids, o, o + 1) >= 0) return o;
      }
    }
    return -1;
  }
}

/**
 * Where a write() of the nodes array began, in numbers of the array: enough to find any number
 * it parsed again, in the chunk it was given.
 */
export interface WriteStart {
  /** Position in the array of the number being read (inNumber) or next to start. */
  token: number;
  inNumber: boolean;
}

/**
 * Adds the ids of nodes `from..to` (parsed by the write() that began at `at`) to the set, which
 * a repeated id fails: V8 never gives two objects one id, and every id lookup (diff, leaks,
 * inspect, the drawings) relies on that. Once per chunk, outside the parsers' loops.
 */
export function addParsedIds(
  seen: IdAdder, ids: Uint32Array, from: number, to: number,
  layout: { nodeFieldCount: number; nodeIdOffset: number },
  chunk: { buf: Uint8Array; start: number; end: number; base: number; at: WriteStart },
): void {
  if (from >= to) return;
  const repeated = seen.addRange(ids, from, to);
  if (repeated < 0) return;
  const id = ids[repeated]!;
  const first = ids.subarray(0, repeated).indexOf(id);
  const offset = numberEnd(chunk, repeated * layout.nodeFieldCount + layout.nodeIdOffset);
  throw new HeapSnapshotError('E_SNAPSHOT_DUPLICATE_ID', `nodes ${first} and ${repeated} have the same id @${id} (ids are unique in a snapshot)`, offset);
}

/** Stream offset just after number `token` of the array, which ended inside this chunk. */
function numberEnd(chunk: { buf: Uint8Array; start: number; end: number; base: number; at: WriteStart }, token: number): number {
  const { buf, start, end, base, at } = chunk;
  let current = at.inNumber ? at.token : at.token - 1;
  let inNumber = at.inNumber;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    const digit = c >= DIGIT_0 && c <= DIGIT_9;
    if (digit && !inNumber) {
      current++;
      inNumber = true;
    } else if (!digit && inNumber) {
      if (current === token) return base + i;
      inNumber = false;
    }
  }
  return base + end;
}
