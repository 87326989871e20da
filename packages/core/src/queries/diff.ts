import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassHistogram, type SnapshotStats } from './class-histogram.js';

/** One row of DevTools' Comparison view. */
export interface ClassDiff {
  /** DevTools' aggregate key (`,Name` or `scriptId,line,column,Name`). */
  key: string;
  name: string;
  /** Objects of this class whose id is not in the older snapshot's class. */
  addedCount: number;
  /** Objects of the older snapshot's class whose id is not in the newer one's. */
  removedCount: number;
  countDelta: number;
  addedSize: number;
  removedSize: number;
  sizeDelta: number;
}

export interface SnapshotDiff {
  before: SnapshotStats;
  after: SnapshotStats;
  /** Classes with something added or removed, largest size growth first. */
  classes: ClassDiff[];
}

/**
 * DevTools' Comparison view: per class key, objects matched by id between two snapshots of one
 * process. Both sides count only objects with a non-zero (transferred) self size, as DevTools'
 * aggregates do; an object whose class key differs between the two is removed from one class and
 * added to the other. The older snapshot is classed with the newer one's interface definitions,
 * so `{a, b}` keys line up. Ids are only comparable within one process.
 */
export function computeDiff(before: HeapGraph, after: HeapGraph): SnapshotDiff {
  const a = computeClassHistogram(after);
  const b = computeClassHistogram(before, { interfaces: a.classes.interfaces });

  // One class id space: the newer snapshot's ids, then keys only the older one has.
  const keys = [...a.classes.keys];
  const names = [...a.classes.names];
  const idOfKey = new Map<string, number>();
  keys.forEach((key, id) => idOfKey.set(key, id));
  const unifiedOf = new Uint32Array(b.classes.keys.length);
  b.classes.keys.forEach((key, c) => {
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = keys.length;
      idOfKey.set(key, id);
      keys.push(key);
      names.push(b.classes.names[c]!);
    }
    unifiedOf[c] = id;
  });

  const classCount = keys.length;
  const addedCount = new Float64Array(classCount);
  const removedCount = new Float64Array(classCount);
  const addedSize = new Float64Array(classCount);
  const removedSize = new Float64Array(classCount);
  const beforeClass = b.classes.classOf;
  const afterClass = a.classes.classOf;
  const beforeSize = b.selfSize;
  const afterSize = a.selfSize;

  const beforeIds = before.nodeId;
  for (let o = 0, n = before.nodeCount; o < n; o++) {
    const size = beforeSize[o]!;
    if (!size) continue;
    const c = unifiedOf[beforeClass[o]!]!;
    const p = after.ordinalOfId(beforeIds[o]!);
    if (p >= 0 && afterSize[p] && afterClass[p] === c) continue;
    removedCount[c]!++;
    removedSize[c]! += size;
  }
  const afterIds = after.nodeId;
  for (let p = 0, n = after.nodeCount; p < n; p++) {
    const size = afterSize[p]!;
    if (!size) continue;
    const c = afterClass[p]!;
    const o = before.ordinalOfId(afterIds[p]!);
    if (o >= 0 && beforeSize[o] && unifiedOf[beforeClass[o]!] === c) continue;
    addedCount[c]!++;
    addedSize[c]! += size;
  }

  const classes: ClassDiff[] = [];
  for (let c = 0; c < classCount; c++) {
    if (!addedCount[c] && !removedCount[c]) continue;
    classes.push({
      key: keys[c]!,
      name: names[c]!,
      addedCount: addedCount[c]!,
      removedCount: removedCount[c]!,
      countDelta: addedCount[c]! - removedCount[c]!,
      addedSize: addedSize[c]!,
      removedSize: removedSize[c]!,
      sizeDelta: addedSize[c]! - removedSize[c]!,
    });
  }
  classes.sort((x, y) => y.sizeDelta - x.sizeDelta || y.countDelta - x.countDelta || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { before: b.stats, after: a.stats, classes };
}
