import { runAnalysis, type HeapAnalysis } from '../analysis/analyze.js';
import { HeapGraph } from '../graph/heap-graph.js';
import type { HeapSnapshot } from '../load/snapshot.js';
import type { ClassNameOptions } from '../naming/class-names.js';
import type { LoadedSnapshot } from './load-snapshot.js';
import { threadedStages } from './threaded-stages.js';

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

/**
 * Everything DevTools computes on load: sizes after its shallow-size transfer, dominators, retained
 * sizes, distances and class names. Given the snapshot `loadSnapshot` returned, the parse's
 * worker takes the second thread's share if it is still waiting.
 */
export function analyzeHeap(source: HeapGraph | HeapSnapshot | LoadedSnapshot, options: AnalyzeOptions = {}): HeapAnalysis {
  const graph = source instanceof HeapGraph ? source : source.graph;
  const spare = 'spare' in source ? source.spare : null;
  const { helperThread, ...rest } = options;
  return runAnalysis(graph, { ...rest, ...(helperThread === false ? {} : { stages: threadedStages(spare, helperThread ?? {}) }) });
}
