import type { ClassGrowth, GrowthSeries } from '@heapdiff/core';
import type { GrowthOutput } from './schema.js';

export type GrowthSort = 'steady' | 'count' | 'size' | 'name';

/** Size in the last snapshot minus size in the first. */
export const sizeGrowth = (c: ClassGrowth): number => c.sizes[c.sizes.length - 1]! - c.sizes[0]!;

const byName = (a: ClassGrowth, b: ClassGrowth): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** `steady` keeps core's order (monotonic classes first, then by delta, then by size growth). */
export const growthSorters: Partial<Record<GrowthSort, (a: ClassGrowth, b: ClassGrowth) => number>> = {
  count: (a, b) => b.delta - a.delta || sizeGrowth(b) - sizeGrowth(a) || byName(a, b),
  size: (a, b) => sizeGrowth(b) - sizeGrowth(a) || b.delta - a.delta || byName(a, b),
  name: byName,
};

/** objgraph lists only classes that grew beyond their earlier peak (`--all`: every class). */
export function growingClasses(series: GrowthSeries, all: boolean): ClassGrowth[] {
  return all ? series.classes : series.classes.filter((c) => c.delta > 0);
}

/** `growth --json` (also the report's data): `rows` are the classes shown. */
export function growthJson(series: GrowthSeries, rows: readonly ClassGrowth[]): GrowthOutput {
  return {
    snapshots: series.snapshots.map((s) => ({ path: s.path, nodeCount: s.nodeCount, edgeCount: s.edgeCount, totalSize: s.totalSize })),
    classes: rows.map((c) => ({ name: c.name, key: c.key, counts: c.counts, sizes: c.sizes, delta: c.delta, monotonic: c.monotonic })),
  };
}
