import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassTable, type ClassNameOptions, type ClassTable } from '../naming/class-names.js';
import { propagateDetachedness } from '../algorithms/detachedness.js';
import { transferShallowSizes, type SizeColumn } from '../algorithms/shallow-size.js';

/** Size of one snapshot, as every command's JSON reports it. */
export interface SnapshotStats {
  nodeCount: number;
  edgeCount: number;
  /** Sum of self sizes plus extra_native_bytes: the root's retained size, DevTools' total. */
  totalSize: number;
}

/**
 * The cheap half of DevTools' load: class names and self sizes after the shallow-size transfer,
 * without dominators. Enough for counts and sizes per class (Comparison view, growth series).
 */
export interface ClassHistogram {
  classes: ClassTable;
  /** Per node ordinal: self size after the shallow-size transfer. */
  selfSize: SizeColumn;
  /** Per class id: members with a non-zero (transferred) self size, as DevTools' aggregates count them. */
  count: Float64Array;
  /** Per class id: sum of those members' self sizes. */
  size: Float64Array;
  stats: SnapshotStats;
}

export function computeClassHistogram(g: HeapGraph, options: ClassNameOptions = {}): ClassHistogram {
  const domState = propagateDetachedness(g);
  const selfSize = transferShallowSizes(g);
  const classes = computeClassTable(g, domState, options);
  const classCount = classes.names.length;
  const count = new Float64Array(classCount);
  const size = new Float64Array(classCount);
  const { classOf } = classes;
  let total = 0;
  for (let o = 0, n = g.nodeCount; o < n; o++) {
    const s = selfSize[o]!;
    if (!s) continue;
    const c = classOf[o]!;
    count[c]!++;
    size[c]! += s;
    total += s;
  }
  const stats = { nodeCount: g.nodeCount, edgeCount: g.edgeCount, totalSize: total + g.extraNativeBytes };
  return { classes, selfSize, count, size, stats };
}
