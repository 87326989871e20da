import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassTable, type ClassTable, type ClassNameOptions } from './class-names.js';
import { propagateDetachedness } from './detachedness.js';
import { AnalysisHelper } from './analysis-helper.js';
import { computeDistances } from './distances.js';
import { computeDominators } from './dominators.js';
import { buildDominatorTree, type DominatorTree } from './dominator-tree.js';
import { computeEssentialEdges } from './essential-edges.js';
import { stringFacts, type StringFacts } from './graph-columns.js';
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
   * Run part of the analysis on a second thread: page objects and essential edges while this one
   * transfers shallow sizes, their retainer-slot bits and the distances while it computes
   * dominators (default: for graphs of 400,000 nodes and more whose columns are in shared
   * memory, as loaded graphs' are). The results are the same either way.
   */
  helperThread?: { minNodes?: number } | false;
}

const STEPS = 6;

export function analyzeHeap(g: HeapGraph, options: AnalyzeOptions = {}): HeapAnalysis {
  const progress = options.onProgress ?? (() => {});
  let step = 0;
  const tick = (): void => progress(++step, STEPS);
  const facts = stringFacts(g, new EphemeronNames(g.strings));
  const pool = new ScratchPool(g.nodeCount);
  g.getRetainers(); // built by the edge worker during the parse, else here: the helper reads them
  const helper = options.helperThread === false ? null : AnalysisHelper.start(g, facts, pool, options.helperThread?.minNodes);
  const domState = propagateDetachedness(g, pool);
  // Shallow sizes first (they need only the graph): the helper marks page objects meanwhile, and
  // the dominator pass reuses their scratch.
  const selfSize = transferShallowSizes(g, pool);
  const { pageObject, essential } = helper ? helper.prep() : pageObjectsAndEssentialEdges(g, facts, pool);
  tick();
  const { dominator, preorder, unreachableCount } = computeDominators(g, essential, pool, helper ? () => helper.slots() : undefined);
  tick();
  const retainedSize = computeRetainedSizes(selfSize, dominator, preorder, pool);
  pool.give(preorder);
  tick();
  const dominatorTree = buildDominatorTree(dominator, g.rootOrdinal, pool);
  tick();
  const distance = helper ? helper.distances() : computeDistances(g, facts, pool);
  tick();
  const classes = computeClassTable(g, domState, options, pool);
  tick();
  return { graph: g, selfSize, retainedSize, dominator, dominatorTree, distance, classes, domState, pageObject, unreachableCount };
}

function pageObjectsAndEssentialEdges(g: HeapGraph, facts: StringFacts, pool: ScratchPool): { pageObject: Uint8Array; essential: Uint32Array } {
  const pageObject = new Uint8Array(g.nodeCount);
  const stack = pool.take(g.nodeCount + 1);
  markPageObjects(g, facts, pageObject, stack);
  pool.give(stack);
  const essential = new Uint32Array(Math.ceil(g.edgeCount / 32));
  computeEssentialEdges(g, facts, pageObject, essential);
  return { pageObject, essential };
}
