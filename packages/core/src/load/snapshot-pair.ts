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
 * their newest object in the wrong one. O(n) over both snapshots, no per-node allocation.
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

/** Calls `visit(id, position)` for every id of the snapshot, in column or table order. */
function forEachId(snapshot: HeapGraph | IdIndex, visit: (id: number, position: number) => void): void {
  if (snapshot instanceof HeapGraph) {
    const ids = snapshot.nodeId;
    for (let o = 0; o < ids.length; o++) visit(ids[o]!, o);
    return;
  }
  const slots = snapshot.parts().slots;
  for (let s = 0; s < slots.length; s += 2) if (slots[s + 1] !== 0) visit(slots[s]!, slots[s + 1]! - 1);
}

function idCount(snapshot: HeapGraph | IdIndex): number {
  return snapshot instanceof HeapGraph ? snapshot.nodeCount : snapshot.size;
}

/** Evenly spaced ids of the older snapshot with what they name, and its newest JS object's id (JS ids are odd). */
function sampleOf(snapshot: HeapGraph | IdIndex): { index: IdIndex; types: string[]; names: (string | null)[]; size: number; maxJsId: number } {
  const kinds = kindsOf(snapshot);
  const step = Math.max(1, Math.floor(idCount(snapshot) / SAMPLE));
  const ids: number[] = [];
  const types: string[] = [];
  const names: (string | null)[] = [];
  let maxJsId = 0;
  let k = 0;
  forEachId(snapshot, (id, position) => {
    if ((id & 1) === 1 && id > maxJsId) maxJsId = id;
    if (k++ % step !== 0 || ids.length >= SAMPLE) return;
    ids.push(id);
    types.push(kinds.typeOf(position));
    names.push(kinds.nameOf(position));
  });
  return { index: new IdIndex(Uint32Array.from(ids)), types, names, size: ids.length, maxJsId };
}

/** Which sampled ids the newer snapshot has, and how many of them name the same kind of object. */
function scanNewer(snapshot: HeapGraph | IdIndex, sample: ReturnType<typeof sampleOf>): { found: number; sameKind: number; maxJsId: number } {
  const kinds = kindsOf(snapshot);
  let found = 0;
  let sameKind = 0;
  let maxJsId = 0;
  forEachId(snapshot, (id, position) => {
    if ((id & 1) === 1 && id > maxJsId) maxJsId = id;
    const k = sample.index.get(id);
    if (k < 0) return;
    found++;
    const name = kinds.nameOf(position);
    const olderName = sample.names[k]!;
    if (kinds.typeOf(position) === sample.types[k] && (name === null || olderName === null || name === olderName)) sameKind++;
  });
  return { found, sameKind, maxJsId };
}
