import { HeapGraph } from '../graph/heap-graph.js';
import type { IdIndex } from '../graph/id-index.js';
import type { ParsedSnapshot } from '../parse/parsed-snapshot.js';
import { parseSnapshotBytes, readSnapshotFile, readSnapshotIds, type ReadOptions } from './read-snapshot.js';
import { redactStringValues } from './redact-strings.js';

export interface ReadSnapshotOptions extends ReadOptions {
  /**
   * Replace every value from the heap's data with a stand-in right after loading (see
   * redact-strings.ts), so nothing computed from the graph can show them. Names of classes and
   * properties stay.
   */
  redact?: boolean;
}

/** A loaded snapshot: the graph plus where it came from. */
export interface HeapSnapshot {
  path: string;
  graph: HeapGraph;
  /** Decompressed size of the snapshot JSON in bytes. */
  byteLength: number;
}

function toSnapshot(path: string, parsed: ParsedSnapshot, options: Pick<ReadSnapshotOptions, 'redact'>): HeapSnapshot {
  const graph = new HeapGraph(parsed);
  if (options.redact) redactStringValues(graph);
  return { path, graph, byteLength: parsed.byteLength };
}

/** Streams a snapshot file into a graph. */
export async function readSnapshot(path: string, options: ReadSnapshotOptions = {}): Promise<HeapSnapshot> {
  return toSnapshot(path, await readSnapshotFile(path, options), options);
}

/** A snapshot already in memory (tests, small inputs). */
export function loadSnapshotBytes(bytes: Uint8Array, path = '<memory>', options: Pick<ReadSnapshotOptions, 'redact'> = {}): HeapSnapshot {
  return toSnapshot(path, parseSnapshotBytes(bytes), options);
}

/** Just the object ids of a snapshot, as a set: all a leak baseline is needed for. */
export async function loadSnapshotIds(path: string, options: ReadOptions = {}): Promise<IdIndex> {
  return (await readSnapshotIds(path, options)).index;
}
