import type { ClassDiff, SnapshotDiff } from '@heapdiff/core';
import type { DiffOutput } from './schema.js';

export type DiffSort = 'size' | 'count' | 'name';

const byName = (a: ClassDiff, b: ClassDiff): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const diffSorters: Record<DiffSort, (a: ClassDiff, b: ClassDiff) => number> = {
  size: (a, b) => b.sizeDelta - a.sizeDelta || b.countDelta - a.countDelta || byName(a, b),
  count: (a, b) => b.countDelta - a.countDelta || b.sizeDelta - a.sizeDelta || byName(a, b),
  name: byName,
};

/** `diff --json` (also the report's data): `rows` are the classes shown. */
export function diffJson(before: string, after: string, diff: SnapshotDiff, rows: readonly ClassDiff[]): DiffOutput {
  return {
    before: { path: before, ...diff.before },
    after: { path: after, ...diff.after },
    classes: rows.map((c) => ({
      name: c.name, key: c.key, addedCount: c.addedCount, removedCount: c.removedCount, countDelta: c.countDelta,
      addedSize: c.addedSize, removedSize: c.removedSize, sizeDelta: c.sizeDelta,
    })),
  };
}
