import { InvalidOptionError } from '../errors/errors.js';
import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassHistogram, type SnapshotStats } from './class-histogram.js';
import type { ClassNameOptions } from '../naming/class-names.js';
import type { InterfaceDefinition } from '../naming/interfaces.js';

/** Per-class counts of one snapshot: all a growth series keeps once the graph is gone. */
export interface SnapshotClassCounts {
  stats: SnapshotStats;
  /** Per class id: DevTools' aggregate key, display name, member count and self size. */
  keys: string[];
  names: string[];
  count: Float64Array;
  size: Float64Array;
  interfaces: InterfaceDefinition[];
}

/** One class over the series (objgraph `show_growth`). */
export interface ClassGrowth {
  key: string;
  name: string;
  /** Per snapshot, in series order (0 where the class is absent). */
  counts: number[];
  sizes: number[];
  /**
   * objgraph's peak-based delta: the count in the last snapshot minus the highest count in any
   * earlier one. Positive only for classes that grew beyond every earlier peak.
   */
  delta: number;
  /** The count grew at every step of the series. */
  monotonic: boolean;
}

export function countClasses(g: HeapGraph, options: ClassNameOptions = {}): SnapshotClassCounts {
  const { classes, count, size, stats } = computeClassHistogram(g, options);
  return { stats, keys: classes.keys, names: classes.names, count, size, interfaces: classes.interfaces };
}

/**
 * Lines up per-class counts of a series (oldest first) by class key. Steadiest growers first:
 * monotonic classes, then by delta, then by size growth. Classes that never had a member are left out.
 */
export function computeGrowth(series: SnapshotClassCounts[]): ClassGrowth[] {
  if (series.length < 2) throw new InvalidOptionError(`growth needs at least 2 snapshots, got ${series.length}`);
  const steps = series.length;
  const rows = new Map<string, ClassGrowth>();
  series.forEach((snapshot, i) => {
    for (let c = 0; c < snapshot.keys.length; c++) {
      if (!snapshot.count[c]) continue;
      const key = snapshot.keys[c]!;
      let row = rows.get(key);
      if (!row) {
        row = { key, name: snapshot.names[c]!, counts: new Array<number>(steps).fill(0), sizes: new Array<number>(steps).fill(0), delta: 0, monotonic: false };
        rows.set(key, row);
      }
      row.name = snapshot.names[c]!; // the newest snapshot's name wins
      row.counts[i] = snapshot.count[c]!;
      row.sizes[i] = snapshot.size[c]!;
    }
  });
  const result = [...rows.values()];
  for (const row of result) {
    const { counts } = row;
    let peak = 0;
    let monotonic = true;
    for (let i = 0; i < steps - 1; i++) {
      peak = Math.max(peak, counts[i]!);
      if (counts[i + 1]! <= counts[i]!) monotonic = false;
    }
    row.delta = counts[steps - 1]! - peak;
    row.monotonic = monotonic;
  }
  const sizeGrowth = (row: ClassGrowth): number => row.sizes[steps - 1]! - row.sizes[0]!;
  result.sort((x, y) =>
    Number(y.monotonic) - Number(x.monotonic) || y.delta - x.delta || sizeGrowth(y) - sizeGrowth(x) ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return result;
}
