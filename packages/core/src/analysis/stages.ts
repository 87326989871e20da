import { computeDistances } from '../algorithms/distances.js';
import { computeEssentialEdges } from '../algorithms/essential-edges.js';
import { markPageObjects } from '../algorithms/page-objects.js';
import type { ScratchPool } from '../algorithms/scratch-pool.js';
import type { StringFacts } from '../algorithms/string-facts.js';
import type { HeapGraph } from '../graph/heap-graph.js';

/** What the stages read: the graph, the string facts worked out once, and the analysis's scratch memory. */
export interface StageContext {
  graph: HeapGraph;
  facts: StringFacts;
  pool: ScratchPool;
}

/**
 * The analysis steps that need not run on the analysing thread. The pipeline (analyze.ts) asks for
 * each result when it needs it; an implementation may have computed it elsewhere meanwhile
 * (threads/threaded-stages.ts) or compute it then (inlineStages). The results are the same.
 */
export interface AnalysisStages {
  /** Page objects, and the essential edges the dominators run over (one bit per edge). */
  pageObjectsAndEssentialEdges(): { pageObject: Uint8Array; essential: Uint32Array };
  /** The essential bits by retainer slot; undefined when the dominator pass works them out itself. */
  readonly slotBits: (() => Uint32Array) | undefined;
  distances(): Int32Array;
}

/** Starts the stages for one analysis (called once the retainer index exists). */
export type StagesFactory = (context: StageContext) => AnalysisStages;

/** Every stage on this thread, when it is asked for. */
export function inlineStages({ graph: g, facts, pool }: StageContext): AnalysisStages {
  return {
    pageObjectsAndEssentialEdges() {
      const pageObject = new Uint8Array(g.nodeCount);
      const stack = pool.take(g.nodeCount + 1);
      markPageObjects(g, facts, pageObject, stack);
      pool.give(stack);
      const essential = new Uint32Array(Math.ceil(g.edgeCount / 32));
      computeEssentialEdges(g, facts, pageObject, essential);
      return { pageObject, essential };
    },
    slotBits: undefined,
    distances: () => computeDistances(g, facts, pool),
  };
}
