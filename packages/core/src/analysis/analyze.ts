import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassTable, type ClassTable, type ClassNameOptions } from './class-names.js';
import { propagateDetachedness } from './detachedness.js';
import { computeDistances } from './distances.js';
import { DistanceWorker } from './distance-helper.js';
import { computeDominators } from './dominators.js';
import { buildDominatorTree, type DominatorTree } from './dominator-tree.js';
import { computeEssentialEdges } from './essential-edges.js';
import { markPageObjects } from './page-objects.js';
import { computeRetainedSizes } from './retained-size.js';
import { transferShallowSizes, type SizeColumn } from './shallow-size.js';
import { EphemeronNames } from './weakmap-edges.js';
import { ScratchPool } from './scratch-pool.js';

/** Everything DevTools computes on load, as flat arrays indexed by node ordinal. */
export interface HeapAnalysis {
  graph: HeapGraph;
  /** Self sizes after DevTools' shallow-size transfer. */
  selfSize: SizeColumn;
  retainedSize: SizeColumn;
  /** Immediate dominator ordinal. */
  dominator: Uint32Array;
  dominatorTree: DominatorTree;
  distance: Int32Array;
  classes: ClassTable;
  /** Propagated DOM state (0 unknown, 1 attached, 2 detached), or null if the snapshot has none. */
  domState: Uint8Array | null;
  /** Objects reachable from the global object / DOM trees over non-weak edges. */
  pageObject: Uint8Array;
  /** How many nodes the root does not reach over essential edges (a non-fatal oddity). */
  unreachableCount: number;
}

export interface AnalyzeOptions extends ClassNameOptions {
  /** Reports progress through the steps (done, total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Compute distances on a worker thread, alongside the dominators (default: for graphs of
   * 400,000 nodes and more whose columns are in shared memory, as loaded graphs' are).
   */
  distanceWorker?: { minNodes?: number } | false;
}

const STEPS = 7;

export function analyzeHeap(g: HeapGraph, options: AnalyzeOptions = {}): HeapAnalysis {
  const progress = options.onProgress ?? (() => {});
  let step = 0;
  const tick = (): void => progress(++step, STEPS);
  const ephemerons = new EphemeronNames(g.strings);
  const pool = new ScratchPool(g.nodeCount);
  const worker = options.distanceWorker === false ? null : DistanceWorker.start(g, ephemerons, pool, options.distanceWorker?.minNodes);
  const domState = propagateDetachedness(g, pool);
  const pageObject = markPageObjects(g, pool);
  const essential = computeEssentialEdges(g, pageObject, ephemerons);
  tick();
  g.getRetainers();
  tick();
  // Shallow sizes first (they need only the graph) so the dominator pass reuses their scratch.
  const selfSize = transferShallowSizes(g, pool);
  // Collected before the dominators so that the worker's queue joins their scratch, not the peak.
  const workerDistance = worker?.finish();
  const { dominator, preorder, unreachableCount } = computeDominators(g, essential, pool);
  tick();
  const retainedSize = computeRetainedSizes(selfSize, dominator, preorder, pool);
  pool.give(preorder);
  tick();
  const dominatorTree = buildDominatorTree(dominator, g.rootOrdinal, pool);
  tick();
  const distance = workerDistance ?? computeDistances(g, ephemerons, pool);
  tick();
  const classes = computeClassTable(g, domState, options, pool);
  tick();
  return { graph: g, selfSize, retainedSize, dominator, dominatorTree, distance, classes, domState, pageObject, unreachableCount };
}
