import { HeapGraph } from './graph/heap-graph.js';
import { IdIndex } from './graph/id-index.js';
import { parseSnapshotBytes, readSnapshotFile, readSnapshotIds, type ReadOptions } from './parse/read-snapshot.js';

export type LoadOptions = ReadOptions;

/** A loaded snapshot: the graph plus where it came from. */
export interface HeapSnapshot {
  path: string;
  graph: HeapGraph;
  /** Decompressed size of the snapshot JSON in bytes. */
  byteLength: number;
}

export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<HeapSnapshot> {
  const parsed = await readSnapshotFile(path, options);
  return { path, graph: new HeapGraph(parsed), byteLength: parsed.byteLength };
}

export function loadSnapshotBytes(bytes: Uint8Array, path = '<memory>'): HeapSnapshot {
  const parsed = parseSnapshotBytes(bytes);
  return { path, graph: new HeapGraph(parsed), byteLength: parsed.byteLength };
}

/** Just the object ids of a snapshot, as a set: all a leak baseline is needed for. */
export async function loadSnapshotIds(path: string, options: LoadOptions = {}): Promise<IdIndex> {
  const parsed = await readSnapshotIds(path, options);
  return new IdIndex(parsed.ids);
}
