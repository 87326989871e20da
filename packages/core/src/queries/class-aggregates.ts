import type { ClassTable } from '../naming/class-names.js';
import type { DominatorTree } from '../algorithms/dominator-tree.js';
import type { SizeColumn } from '../algorithms/shallow-size.js';

export interface ClassAggregate {
  /** Index into the class table. */
  classId: number;
  count: number;
  selfSize: number;
  /** Sum of members' retained sizes, skipping members dominated by another member. */
  retainedSize: number;
  /** Smallest member distance. */
  distance: number;
}

export interface AggregateInputs {
  classes: ClassTable;
  selfSize: SizeColumn;
  retainedSize: SizeColumn;
  distance: Int32Array;
  tree: DominatorTree;
  root: number;
  /** Only count nodes for which this returns true (e.g. allocated in a time window). */
  include?: (ordinal: number) => boolean;
}

/**
 * DevTools' Summary rows. Nodes with self size 0 are not listed. A member's retained size counts
 * unless a dominator of it (on the dominator-tree path) is a counted member of the same class.
 */
export function aggregateClasses(inputs: AggregateInputs): ClassAggregate[] {
  const { classes, selfSize, retainedSize, distance, tree, root, include } = inputs;
  const { classOf } = classes;
  const classCount = classes.names.length;
  const count = new Float64Array(classCount);
  const self = new Float64Array(classCount);
  const retained = new Float64Array(classCount);
  const minDistance = new Int32Array(classCount).fill(0x7fffffff);
  const n = classOf.length;
  for (let o = 0; o < n; o++) {
    const size = selfSize[o]!;
    if (!size || (include && !include(o))) continue;
    const c = classOf[o]!;
    count[c]!++;
    self[c]! += size;
    if (distance[o]! < minDistance[c]!) minDistance[c] = distance[o]!;
  }
  // Iterative DFS over the dominator tree. The stack holds the path from the root (a node, ~node
  // when it was counted, and where its children resume): memory grows with the tree's depth, not
  // its size, and the summary is computed after the analysis's scratch memory is gone.
  const { firstDominated, dominated } = tree;
  const active = new Uint8Array(classCount);
  let nodes = new Int32Array(1024);
  let cursors = new Uint32Array(1024);
  let top = 0;
  const enter = (o: number): void => {
    if (top === nodes.length) {
      nodes = grow(nodes, new Int32Array(2 * top));
      cursors = grow(cursors, new Uint32Array(2 * top));
    }
    const c = classOf[o]!;
    let counted = false;
    if (!active[c] && selfSize[o] && (!include || include(o))) {
      retained[c]! += retainedSize[o]!;
      active[c] = 1;
      counted = true;
    }
    nodes[top] = counted ? ~o : o;
    cursors[top++] = firstDominated[o]!;
  };
  enter(root);
  while (top > 0) {
    const entry = nodes[top - 1]!;
    const o = entry < 0 ? ~entry : entry;
    const i = cursors[top - 1]!;
    if (i < firstDominated[o + 1]!) {
      cursors[top - 1] = i + 1;
      enter(dominated[i]!);
      continue;
    }
    top--;
    if (entry < 0) active[classOf[o]!] = 0;
  }
  const result: ClassAggregate[] = [];
  for (let c = 0; c < classCount; c++) {
    if (count[c]! > 0) result.push({ classId: c, count: count[c]!, selfSize: self[c]!, retainedSize: retained[c]!, distance: minDistance[c]! });
  }
  return result;
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
