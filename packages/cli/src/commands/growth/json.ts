import type { ClassGrowth, GrowthSeries } from '@heapdiff/core';
import type { GrowthOutput } from './schema.js';

/** objgraph lists only classes that grew beyond their earlier peak (`--all`: every class). */
export function growingClasses(series: GrowthSeries, all: boolean): ClassGrowth[] {
  return all ? series.classes : series.classes.filter((c) => c.delta > 0);
}

/** `growth --json` (also the report's data): `rows` are the classes shown. */
export function growthJson(series: GrowthSeries, rows: ClassGrowth[]): GrowthOutput {
  return {
    snapshots: series.snapshots.map((s) => ({ path: s.path, nodeCount: s.nodeCount, edgeCount: s.edgeCount, totalSize: s.totalSize })),
    classes: rows.map((c) => ({ name: c.name, key: c.key, counts: c.counts, sizes: c.sizes, delta: c.delta, monotonic: c.monotonic })),
  };
}
