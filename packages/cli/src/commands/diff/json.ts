import type { ClassDiff, SnapshotDiff } from '@heapdiff/core';
import type { DiffOutput } from './schema.js';

/** `diff --json` (also the report's data): `rows` are the classes shown. */
export function diffJson(before: string, after: string, diff: SnapshotDiff, rows: ClassDiff[]): DiffOutput {
  return {
    before: { path: before, ...diff.before },
    after: { path: after, ...diff.after },
    classes: rows.map((c) => ({
      name: c.name, key: c.key, addedCount: c.addedCount, removedCount: c.removedCount, countDelta: c.countDelta,
      addedSize: c.addedSize, removedSize: c.removedSize, sizeDelta: c.sizeDelta,
    })),
  };
}
