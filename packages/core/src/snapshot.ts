import { HeapGraph } from './graph/heap-graph.js';
import { IdIndex } from './graph/id-index.js';
import { redactStringValues } from './graph/redact-strings.js';
import type { ParsedSnapshot } from './parse/parsed-snapshot.js';
import { canReadIdsInBackground, readIdIndexInBackground } from './parse/ids-background.js';
import { parseSnapshotBytes, readSnapshotFile, readSnapshotIds, type ReadOptions } from './parse/read-snapshot.js';

export interface LoadOptions extends ReadOptions {
  /**
   * Replace the values of string nodes with `<string len=N sha256:xxxxxxxx>` right after loading,
   * so nothing computed from the graph (paths, inspect, subgraphs, reports) can show them.
   * Property and class names are kept.
   */
  redact?: boolean;
}

function toGraph(parsed: ParsedSnapshot, options: LoadOptions): HeapGraph {
  const graph = new HeapGraph(parsed);
  if (options.redact) redactStringValues(graph);
  return graph;
}

/** A loaded snapshot: the graph plus where it came from. */
export interface HeapSnapshot {
  path: string;
  graph: HeapGraph;
  /** Decompressed size of the snapshot JSON in bytes. */
  byteLength: number;
}

export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<HeapSnapshot> {
  const parsed = await readSnapshotFile(path, options);
  return { path, graph: toGraph(parsed, options), byteLength: parsed.byteLength };
}

export function loadSnapshotBytes(bytes: Uint8Array, path = '<memory>', options: Pick<LoadOptions, 'redact'> = {}): HeapSnapshot {
  const parsed = parseSnapshotBytes(bytes);
  return { path, graph: toGraph(parsed, options), byteLength: parsed.byteLength };
}

/** Just the object ids of a snapshot, as a set: all a leak baseline is needed for. */
export async function loadSnapshotIds(path: string, options: LoadOptions = {}): Promise<IdIndex> {
  const parsed = await readSnapshotIds(path, options);
  return new IdIndex(parsed.ids);
}

/**
 * loadSnapshotIds on a worker thread, so this thread can analyse another snapshot meanwhile (what
 * `leaks` does with its baseline). Same result and errors; runs here when no worker can start.
 */
export function loadSnapshotIdsInBackground(path: string): Promise<IdIndex> {
  return canReadIdsInBackground() ? readIdIndexInBackground(path) : loadSnapshotIds(path);
}
