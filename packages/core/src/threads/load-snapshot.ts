// Loading with a second thread: the public entry points that read snapshot files.
import { InvalidOptionError } from '../errors/errors.js';
import { readSnapshot, type HeapSnapshot, type ReadSnapshotOptions } from '../load/snapshot.js';
import { computeGrowth, countClasses, type ClassGrowth, type SnapshotClassCounts } from '../queries/growth.js';
import type { SnapshotStats } from '../queries/class-histogram.js';
import { ParallelEdgeParse, type EdgeSplitOptions } from './edge-split.js';
import type { SpareWorker } from './spare-worker.js';

export interface LoadOptions extends Omit<ReadSnapshotOptions, 'parallel'> {
  /** Parse the edges array on two threads (default: for uncompressed files of 32 MB and more). */
  split?: EdgeSplitOptions | false;
}

/** A snapshot loaded by `loadSnapshot`: `analyzeHeap(snapshot)` hands its spare worker the analysis. */
export interface LoadedSnapshot extends HeapSnapshot {
  /** The parse's worker, waiting a moment for one more job; null when the parse ran on one thread. */
  readonly spare: SpareWorker | null;
}

export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<LoadedSnapshot> {
  const { split, ...read } = options;
  let parallel: ParallelEdgeParse | null = null;
  const snapshot = await readSnapshot(path, {
    ...read,
    parallel: split === false ? undefined : (file, size) => (parallel = ParallelEdgeParse.forFile(file, size, split ?? {})),
  });
  return { ...snapshot, spare: (parallel as ParallelEdgeParse | null)?.spare() ?? null };
}

export interface GrowthOptions {
  /** Loads one snapshot (default: `loadSnapshot`); called once per path, never two graphs at a time. */
  load?: (path: string) => Promise<HeapSnapshot>;
}

export interface GrowthSeries {
  snapshots: (SnapshotStats & { path: string })[];
  classes: ClassGrowth[];
}

/**
 * Loads a series one snapshot at a time, keeping only per-class counts. The last snapshot is
 * read first: the earlier ones are classed with its interface definitions so `{a, b}` keys line up.
 */
export async function loadGrowth(paths: string[], options: GrowthOptions = {}): Promise<GrowthSeries> {
  if (paths.length < 2) throw new InvalidOptionError(`growth needs at least 2 snapshots, got ${paths.length}`);
  const load = options.load ?? ((path: string) => loadSnapshot(path));
  const last = paths.length - 1;
  const series = new Array<SnapshotClassCounts>(paths.length);
  const newest = countClasses((await load(paths[last]!)).graph);
  series[last] = newest;
  const { interfaces } = newest;
  for (let i = 0; i < last; i++) series[i] = countClasses((await load(paths[i]!)).graph, { interfaces });
  return {
    snapshots: series.map((s, i) => ({ path: paths[i]!, ...s.stats })),
    classes: computeGrowth(series),
  };
}
