import { formatSize, plural, safeText } from '@heapdiff/core';

export interface SnapshotInfo {
  nodeCount: number;
  edgeCount: number;
  totalSize: number;
}

/** `app.heapsnapshot: 83,390 objects, 321,832 references, 4.7 MB total` */
export function describeSnapshot(path: string, info: SnapshotInfo): string {
  return `${safeText(path, 200)}: ${plural(info.nodeCount, 'object')}, ${plural(info.edgeCount, 'reference')}, ${formatSize(info.totalSize)} total`;
}
