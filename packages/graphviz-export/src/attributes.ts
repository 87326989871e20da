import type { AbstractGraph } from 'graphology-types';

/** Node attributes of an extracted heap subgraph (keys are the snapshot's object ids as strings). */
export interface HeapNodeAttributes {
  id: number;
  /** Node type name (`object`, `string`, `closure`, `synthetic`...). */
  type: string;
  /** The node's name: string contents for strings, the function name for closures. */
  name: string;
  /** Class as `heapdiff summary` names it. */
  className: string;
  /** A function with its file:line:col (`onTick() app/timer.js:7:24`), a scope for what it is (`{module scope app/x.js}`). */
  label?: string | null;
  selfSize: number;
  retainedSize: number | null;
  /** Steps from the nearest start object. */
  depth: number;
  start: boolean;
  gcRoot: boolean;
  global: boolean;
  /** Neighbours not drawn because of `--too-many` (shown as an "N more" box). */
  truncated: number;
  /**
   * Set on a box that stands for steps left out of a long chain: `… ×1,998 (.someMethod →
   * {context} → ->originalThing)` or `⋮ 120 more steps` (see fold-runs.ts). Its `id` is -1.
   */
  folded?: string;
}

export interface HeapEdgeAttributes {
  /** Property name, element index or variable name. */
  name: string;
  /** Edge type name (`property`, `element`, `context`, `internal`, `hidden`, `shortcut`, `weak`). */
  type: string;
  /** Parallel references between the pair that this edge stands for. */
  count: number;
}

export interface HeapGraphAttributes {
  /** `retainers`: edges were walked backwards from the start objects; `references`: forwards. */
  direction: 'retainers' | 'references';
  maxDepth: number;
  /** Objects left out to keep the drawing small enough to lay out (see cap-nodes.ts). */
  omitted?: number;
}

/** A directed graph in heap direction: an edge goes from the holder to the object it holds. */
export type HeapSubgraph = AbstractGraph<HeapNodeAttributes, HeapEdgeAttributes, HeapGraphAttributes>;
