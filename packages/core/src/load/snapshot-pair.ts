import { stat } from 'node:fs/promises';
import { HeapGraph } from '../graph/heap-graph.js';
import { IdIndex } from '../graph/id-index.js';
import { readsStdin } from './read-snapshot.js';

/** One snapshot of a pair, as `diff` and `leaks` hold it: a loaded graph, or its ids (and types). */
export interface PairSnapshot {
  path: string;
  snapshot: HeapGraph | IdIndex;
}

/** Ids of the older snapshot looked for in the newer: enough for percentages, cheap at any size. */
const SAMPLE = 4096;
/** Slots sampleOfIndex reads from each evenly spaced start, at most. */
const SAMPLE_REACH = 64;
/** Fewer sampled ids than this say nothing either way (hand-made test snapshots). */
const MIN_SAMPLE = 32;
/** Within one process nearly every object outlives a few seconds; across two, most ids differ. */
const MOST = 0.5;
/** Within one process an id names one object for good; across two, a shared id is a coincidence. */
const SAME_OBJECT = 0.9;

/**
 * Why comparing `older` with `newer` may mean nothing, as one line, or null. V8 numbers objects
 * as it first sees them, so within one process an id always names the same object and the
 * newest object has the highest id. Snapshots of different processes share most of their ids
 * (each process counts from 1) but not what they name; snapshots given in reverse order have
 * their newest object in the wrong one. O(n) over a loaded graph, O(sample) over an id index; no
 * per-node allocation.
 */
export async function snapshotPairWarning(older: PairSnapshot, newer: PairSnapshot): Promise<string | null> {
  if (await isSameFile(older.path, newer.path)) return `${older.path} and ${newer.path} are the same file: there is nothing to compare`;
  const sample = sampleOf(older.snapshot);
  const seen = scanNewer(newer.snapshot, sample);
  const checked = sample.size;
  if (checked >= MIN_SAMPLE && seen.found > 0 && seen.sameKind < SAME_OBJECT * seen.found) {
    const share = percent(seen.found - seen.sameKind, seen.found);
    return `${share} of the ids that ${older.path} and ${newer.path} share name different objects: they are snapshots of different processes (within one, an id always names the same object)`;
  }
  if (seen.maxJsId < sample.maxJsId) {
    return `the newest object of ${newer.path} (@${seen.maxJsId}) is older than that of ${older.path} (@${sample.maxJsId}): the snapshots are in reverse order, or of different processes (ids only grow within one)`;
  }
  if (checked >= MIN_SAMPLE && seen.found < MOST * checked) {
    return `${percent(checked - seen.found, checked)} of the objects of ${older.path} are gone from ${newer.path}: are they snapshots of one process, in order? (most objects outlive a few seconds)`;
  }
  return null;
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  if (readsStdin(a) || readsStdin(b)) return false;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

/** What an id names, as far as the snapshot tells: its type, and its name when known. */
interface Kinds {
  typeOf(position: number): string;
  /** null when only ids and types were read. */
  nameOf(position: number): string | null;
}

function kindsOf(snapshot: HeapGraph | IdIndex): Kinds {
  if (snapshot instanceof HeapGraph) return { typeOf: (o) => snapshot.nodeTypeName(o), nameOf: (o) => snapshot.nodeName(o) };
  const types = snapshot.nodeTypes;
  return { typeOf: (p) => (types ? types.names[types.column[p]!] ?? '?' : '?'), nameOf: () => null };
}

interface Sample {
  ids: Uint32Array;
  index: IdIndex;
  types: string[];
  names: (string | null)[];
  size: number;
  maxJsId: number;
}

/** Evenly spaced ids of the older snapshot with what they name, and its newest JS object's id (JS ids are odd). */
function sampleOf(snapshot: HeapGraph | IdIndex): Sample {
  const kinds = kindsOf(snapshot);
  const { ids, positions } = snapshot instanceof IdIndex ? indexPicks(snapshot) : graphPicks(snapshot);
  const sampleIds = Uint32Array.from(ids);
  return {
    ids: sampleIds,
    index: new IdIndex(sampleIds),
    types: positions.map((p) => kinds.typeOf(p)),
    names: positions.map((p) => kinds.nameOf(p)),
    size: ids.length,
    maxJsId: snapshot instanceof IdIndex ? snapshot.largestOddId : largestOddId(snapshot.nodeId),
  };
}

/** Up to SAMPLE ordinals of a graph, evenly spaced, with their ids. */
function graphPicks(graph: HeapGraph): { ids: number[]; positions: number[] } {
  const step = Math.max(1, Math.floor(graph.nodeCount / SAMPLE));
  const ids: number[] = [];
  const positions: number[] = [];
  for (let o = 0; o < graph.nodeCount && ids.length < SAMPLE; o += step) {
    ids.push(graph.nodeId[o]!);
    positions.push(o);
  }
  return { ids, positions };
}

/**
 * Up to SAMPLE ids of an index with their positions: the first id at or after evenly spaced slots
 * (ids sit in slots by their low bits, so these are spread over the ids too), without reading the
 * whole table.
 */
function indexPicks(index: IdIndex): { ids: number[]; positions: number[] } {
  const { slots } = index.parts();
  const slotCount = slots.length / 2;
  const step = Math.max(1, Math.floor(slotCount / SAMPLE));
  const ids: number[] = [];
  const positions: number[] = [];
  for (let start = 0; start < slotCount && ids.length < SAMPLE; start += step) {
    let slot = start;
    // A few slots at most: a table's upper part may be all empty (untouched memory, costly to read).
    const end = Math.min(slotCount, start + step, start + SAMPLE_REACH);
    while (slot < end && slots[2 * slot + 1] === 0) slot++;
    if (slot === end) continue;
    ids.push(slots[2 * slot]!);
    positions.push(slots[2 * slot + 1]! - 1);
  }
  return { ids, positions };
}

function largestOddId(ids: Uint32Array): number {
  let max = 0;
  for (let o = 0; o < ids.length; o++) {
    const id = ids[o]!;
    if ((id & 1) === 1 && id > max) max = id;
  }
  return max;
}

/** Which sampled ids the newer snapshot has, and how many of them name the same kind of object. */
function scanNewer(snapshot: HeapGraph | IdIndex, sample: Sample): { found: number; sameKind: number; maxJsId: number } {
  const kinds = kindsOf(snapshot);
  if (snapshot instanceof IdIndex) {
    // An index answers each sampled id directly.
    let found = 0;
    let sameKind = 0;
    for (let k = 0; k < sample.size; k++) {
      const position = snapshot.get(sample.ids[k]!);
      if (position < 0) continue;
      found++;
      if (kinds.typeOf(position) === sample.types[k]) sameKind++;
    }
    return { found, sameKind, maxJsId: snapshot.largestOddId };
  }
  const ids = snapshot.nodeId;
  const sampleIds = sample.index;
  // A bit per value of an id's bits 1…16 (bit 0 is 1 for nearly all): most ids fail this one
  // load from a table in L1 before any hashing.
  const filter = new Uint32Array(1 << 11);
  for (let k = 0; k < sample.size; k++) {
    const key = (sample.ids[k]! >>> 1) & 0xffff;
    filter[key >>> 5]! |= 1 << (key & 31);
  }
  let found = 0;
  let sameKind = 0;
  let maxJsId = 0;
  for (let o = 0; o < ids.length; o++) {
    const id = ids[o]!;
    if ((id & 1) === 1 && id > maxJsId) maxJsId = id;
    const key = (id >>> 1) & 0xffff;
    if ((filter[key >>> 5]! & (1 << (key & 31))) === 0) continue;
    const k = sampleIds.get(id);
    if (k < 0) continue;
    found++;
    const name = kinds.nameOf(o);
    const olderName = sample.names[k]!;
    if (kinds.typeOf(o) === sample.types[k] && (name === null || olderName === null || name === olderName)) sameKind++;
  }
  return { found, sameKind, maxJsId };
}
