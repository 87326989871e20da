import { propagateDetachedness } from '../algorithms/detachedness.js';
import { computeDominators } from '../algorithms/dominators.js';
import { buildDominatorTree, type DominatorTree } from '../algorithms/dominator-tree.js';
import { computeRetainedSizes } from '../algorithms/retained-size.js';
import { ScratchPool } from '../algorithms/scratch-pool.js';
import { transferShallowSizes, type SizeColumn } from '../algorithms/shallow-size.js';
import { stringFacts } from '../algorithms/string-facts.js';
import { EphemeronNames } from '../algorithms/weakmap-edges.js';
import type { HeapGraph } from '../graph/heap-graph.js';
import { computeClassTable, type ClassNameOptions, type ClassTable } from '../naming/class-names.js';
import { inlineStages, type StagesFactory } from './stages.js';
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

export interface AnalysisPipelineOptions extends ClassNameOptions {
  /** Reports progress through the steps (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Where the stages run (default: all on this thread). */
  stages?: StagesFactory;
}

const STEPS = 6;

/** DevTools' load-time analysis of one graph, its stages run where `options.stages` says. */
export function runAnalysis(g: HeapGraph, options: AnalysisPipelineOptions = {}): HeapAnalysis {
  const progress = options.onProgress ?? (() => {});
  let step = 0;
  const tick = (): void => progress(++step, STEPS);
  const facts = stringFacts(g, new EphemeronNames(g.strings));
  const pool = new ScratchPool(g.nodeCount);
  g.getRetainers(); // built during the parse, or here: stages on another thread read them
  const stages = (options.stages ?? inlineStages)({ graph: g, facts, pool });
  const domState = propagateDetachedness(g, pool);
  // Shallow sizes first (they need only the graph): another thread may mark page objects
  // meanwhile, and the dominator pass reuses their scratch.
  const selfSize = transferShallowSizes(g, pool);
  const { pageObject, essential } = stages.pageObjectsAndEssentialEdges();
  tick();
  const { dominator, preorder, unreachableCount } = computeDominators(g, essential, pool, stages.slotBits);
  tick();
  const retainedSize = computeRetainedSizes(selfSize, dominator, preorder, pool);
  pool.give(preorder);
  tick();
  const dominatorTree = buildDominatorTree(dominator, g.rootOrdinal, pool);
  tick();
  const distance = stages.distances();
  tick();
  const classes = computeClassTable(g, domState, options, pool);
  tick();
  return { graph: g, selfSize, retainedSize, dominator, dominatorTree, distance, classes, domState, pageObject, unreachableCount };
}
