import type { HeapGraph } from '../graph/heap-graph.js';
import type { DominatorTree } from './dominator-tree.js';

/**
 * Where leaked objects accumulate: for each leaked object, the nearest node of the dominator tree
 * above it that fans out over many of them — an array, a Map's table, a listener list, a dictionary
 * object — as Eclipse MAT finds an "accumulation point" by its "big drop" (a node whose biggest
 * child holds less than 70% of what it holds), here on counts of leaked objects rather than bytes,
 * and walking up from each leaked object rather than down from the biggest one (a heap with several
 * leaks fans out at the global object already).
 *
 * Chains never fan out link by link: a linked list (`.next`), a promise's reactions, a closure
 * chain (`.someMethod → {context} → ->originalThing`) hold one item plus the rest of the chain at
 * each link. A run of links that repeat with a period of up to MAX_PERIOD steps is treated as one
 * node, named by its top. A backing store (a Map's `table`, `elements`, `properties`) belongs to
 * its owner: a Map created after the baseline is itself the holder, not its table.
 *
 * Cost: two passes over the dominator tree and a few over the nodes that hold leaked objects
 * (K: the leaked objects and their dominator ancestors), with K-sized typed arrays; no per-node objects.
 */
export interface AccumulationPoints {
  /** Nodes that hold leaked objects (K), in dominator-tree preorder (parents first). */
  nodes: Uint32Array;
  /** Per node ordinal: its position in `nodes`, or -1 for a node that holds no leaked object. */
  indexOf: Int32Array;
  /** Per K position: leaked objects in the node's dominator subtree (itself included). */
  held: Uint32Array;
  /** Per K position: the accepted holder (an ordinal) of the node, or -1. */
  holder: Int32Array;
  /** Per K position: 1 when the node is an accepted holder. */
  accepted: Uint8Array;
  /** Per K position: the top of the chain the node is a link of (itself if none). */
  runTop: Int32Array;
  /** Per K position: the node standing for it (a chain's top, a backing store's owner, or itself). */
  vnode: Int32Array;
  /** Per K position: the chain's period, for chain tops and links (0: not a chain). */
  period: Uint8Array;
  /** Every node under the root on the dominator tree, parents first: for passes down the tree. */
  preorder: Uint32Array;
}

export interface AccumulationOptions {
  /** Repeating chains of up to this many steps are recognised (1: a list; 3: a closure chain). */
  maxPeriod?: number;
  /** A holder's biggest child holds at most this share of what the holder holds. */
  bigDrop?: number;
  /** A holder nested in another keeps at least this share of the outer one's objects. */
  nestedShare?: number;
}

const MAX_PERIOD = 4;
const BIG_DROP = 0.7;
const NESTED_SHARE = 0.05;
/** A holder holds at least this many leaked objects, or 0.5% of them all, capped at MIN_HELD_CAP. */
const MIN_HELD = 2;
const MIN_HELD_CAP = 10;
const NONE = -1;

export function findAccumulationPoints(
  g: HeapGraph, dominator: Uint32Array, tree: DominatorTree, leaked: Uint8Array, options: AccumulationOptions = {},
): AccumulationPoints {
  const maxPeriod = options.maxPeriod ?? MAX_PERIOD;
  const bigDrop = options.bigDrop ?? BIG_DROP;
  const nestedShare = options.nestedShare ?? NESTED_SHARE;
  const root = g.rootOrdinal;
  const n = g.nodeCount;

  // Leaked objects per dominator subtree: one preorder, summed in reverse.
  const order = preorder(tree, root, n);
  const heldAll = new Uint32Array(n);
  for (let i = order.length - 1; i >= 0; i--) {
    const o = order[i]!;
    heldAll[o]! += leaked[o]!;
    if (o !== root) heldAll[dominator[o]!]! += heldAll[o]!;
  }
  // K: the nodes holding any, in preorder.
  let k = 0;
  for (let i = 0; i < order.length; i++) if (heldAll[order[i]!]! > 0) k++;
  const nodes = new Uint32Array(k);
  const indexOf = new Int32Array(n).fill(NONE);
  const held = new Uint32Array(k);
  k = 0;
  for (let i = 0; i < order.length; i++) {
    const o = order[i]!;
    if (heldAll[o] === 0) continue;
    indexOf[o] = k;
    held[k] = heldAll[o]!;
    nodes[k++] = o;
  }
  const K = k;
  const parentOf = (i: number): number => (nodes[i] === root ? NONE : indexOf[dominator[nodes[i]!]!]!);

  // Each node's step from its dominator: the first non-weak edge between them (-1: none).
  const stepEdge = new Int32Array(K).fill(NONE);
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const weak = g.edgeTypeId.weak;
  for (let i = 0; i < K; i++) {
    const o = nodes[i]!;
    if (o === root) continue;
    const d = dominator[o]!;
    for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
      if (retainingNode[r] !== d || g.edgeType[retainingEdge[r]!] === weak) continue;
      stepEdge[i] = retainingEdge[r]!;
      break;
    }
  }
  const { nodeType, nodeNameIndex, edgeType, edgeNameOrIndex } = g;
  const sameClass = (a: number, b: number): boolean => {
    const oa = nodes[a]!;
    const ob = nodes[b]!;
    return oa !== root && ob !== root && nodeType[oa] === nodeType[ob] && nodeNameIndex[oa] === nodeNameIndex[ob];
  };
  const { element, hidden } = g.edgeTypeId;
  const sameStep = (a: number, b: number): boolean => {
    const ea = stepEdge[a]!;
    const eb = stepEdge[b]!;
    if (ea < 0 || eb < 0 || !sameClass(a, b) || edgeType[ea] !== edgeType[eb]) return false;
    // Element and hidden edges are numbered: a list's `[0]` and `[1]` links are the same step.
    return edgeType[ea] === element || edgeType[ea] === hidden || edgeNameOrIndex[ea] === edgeNameOrIndex[eb];
  };
  const up = (i: number, steps: number): number => {
    let a = i;
    for (let s = 0; s < steps && a !== NONE; s++) a = parentOf(a);
    return a;
  };

  // Chains: a node continues one when the `p` steps ending at it repeat the `p` steps before.
  const period = new Uint8Array(K);
  for (let i = 0; i < K; i++) {
    for (let p = 1; p <= maxPeriod && period[i] === 0; p++) {
      let a = i;
      let b = up(i, p);
      let same = b !== NONE;
      for (let j = 0; j < p && same; j++) {
        same = b !== NONE && sameStep(a, b);
        a = parentOf(a);
        b = parentOf(b);
      }
      if (same) period[i] = p;
    }
  }
  // A chain's top: `p` steps above its first repeat, then up one period at a time while the classes
  // repeat (the head is often held under another name: `head` then `.next`, `theThing` then
  // `->originalThing`). Every link from the top down shares it.
  const runTop = new Int32Array(K);
  for (let i = 0; i < K; i++) runTop[i] = i;
  const inRun = new Uint8Array(K);
  for (let i = 0; i < K; i++) {
    const p = period[i]!;
    if (p === 0) continue;
    const q = parentOf(i);
    if (q !== NONE && inRun[q] && period[q] !== 0) {
      runTop[i] = runTop[q]!;
      inRun[i] = 1;
      period[i] = period[runTop[i]!]!;
      continue;
    }
    let top = up(i, p);
    let low = i;
    for (;;) {
      const above = up(top, p);
      if (above === NONE) break;
      let same = true;
      for (let j = 0, a = parentOf(top), b = parentOf(low); j < p && same; j++, a = parentOf(a), b = parentOf(b)) {
        same = a !== NONE && b !== NONE && sameClass(a, b);
      }
      if (!same) break;
      top = above;
      low = up(low, p);
    }
    for (let a = i; a !== NONE; a = parentOf(a)) {
      runTop[a] = top;
      inRun[a] = 1;
      period[a] = p;
      if (a === top) break;
    }
  }

  // Virtual nodes: a chain is its top; a backing store is its owner.
  const storeNames = backingStoreNames(g);
  const internal = g.edgeTypeId.internal;
  const arrayType = g.nodeTypeId.array;
  const hiddenType = g.nodeTypeId.hidden;
  const vnode = new Int32Array(K);
  for (let i = 0; i < K; i++) {
    if (inRun[i]) {
      vnode[i] = runTop[i]!;
      continue;
    }
    vnode[i] = i;
    const e = stepEdge[i]!;
    const q = parentOf(i);
    if (e < 0 || q === NONE) continue;
    const type = nodeType[nodes[i]!];
    if (edgeType[e] === internal && storeNames.has(edgeNameOrIndex[e]!) && (type === arrayType || type === hiddenType)) vnode[i] = vnode[q]!;
  }

  // The biggest child of each virtual node (a chain's next link is not a child: it is the chain).
  const maxChild = new Uint32Array(K);
  for (let i = 0; i < K; i++) {
    const v = vnode[i]!;
    const q = parentOf(i);
    if (q === NONE) continue;
    const parent = vnode[q]!;
    if (parent !== v && held[i]! > maxChild[parent]!) maxChild[parent] = held[i]!;
  }
  const rootIndex = indexOf[root]!;
  const total = rootIndex >= 0 ? held[rootIndex]! : 0;
  const minHeld = Math.max(MIN_HELD, Math.min(MIN_HELD_CAP, Math.ceil(0.005 * total)));
  const synthetic = g.nodeTypeId.synthetic;
  const below = (v: number): number => held[v]! - (leaked[nodes[v]!]! ? 1 : 0);
  // The global object fans out over every leak a program has: it is where independent leaks meet,
  // not where one accumulates.
  const hub = new Uint8Array(K);
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    const k = indexOf[g.edgeToOrdinal[e]!]!;
    if (k !== NONE) hub[k] = 1;
  }
  const fansOut = (v: number): boolean => {
    const o = nodes[v]!;
    if (o === root || nodeType[o] === synthetic || hub[v]) return false;
    return below(v) >= minHeld && maxChild[v]! <= bigDrop * below(v);
  };

  // Top-down: a node's holder is the nearest accepted virtual node above it. A candidate is refused
  // when a leaked object lies strictly between it and the holder above (it is part of a leaked
  // object, like the arrays inside leaked Sessions), or when it keeps too small a share of that holder.
  const accepted = new Uint8Array(K);
  const holder = new Int32Array(K).fill(NONE);
  const between = new Uint8Array(K);
  for (let i = 0; i < K; i++) {
    const q = parentOf(i);
    if (q === NONE) continue;
    const parent = vnode[q]!;
    const own = vnode[i]!;
    if (own === i && own !== parent) {
      // Right under a chain that holds composite items (a promise's reactions holding suspended
      // async frames), each item fans out a little: it must keep a share of the chain's objects.
      const outerIndex = accepted[parent] ? parent : holder[q] === NONE ? NONE : indexOf[holder[q]!]!;
      const share = outerIndex === NONE || period[outerIndex] === 0 || below(i) >= nestedShare * below(outerIndex);
      // A leaked item of a holder (a detached <div> with its children, in an array) is part of that
      // holder's leak, however much it holds itself.
      const item = leaked[nodes[i]!] === 1 && accepted[parent] === 1;
      accepted[i] = fansOut(i) && share && !item && !(between[q] && !accepted[parent]) ? 1 : 0;
    }
    if (accepted[parent] && parent !== own) {
      holder[i] = nodes[parent]!;
      between[i] = leaked[nodes[i]!]!;
    } else if (accepted[parent]) {
      holder[i] = nodes[parent]!;
      between[i] = 0;
    } else {
      holder[i] = holder[q]!;
      between[i] = between[q]! | leaked[nodes[i]!]!;
    }
  }
  return { nodes, indexOf, held, holder, accepted, runTop, period, vnode, preorder: order };
}

/** `table`, `elements`, `properties`: the internal edges to a collection's backing store. */
function backingStoreNames(g: HeapGraph): Set<number> {
  const result = new Set<number>();
  const wanted = new Set(['table', 'elements', 'properties']);
  const { strings } = g;
  for (let i = 0; i < strings.length && result.size < wanted.size; i++) if (wanted.has(strings[i]!)) result.add(i);
  return result;
}

/** Dominator-tree preorder from the root (iterative: the tree can be 10M nodes deep). */
function preorder(tree: DominatorTree, root: number, n: number): Uint32Array {
  const { firstDominated, dominated } = tree;
  const order = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let top = 0;
  let length = 0;
  stack[top++] = root;
  while (top > 0) {
    const o = stack[--top]!;
    order[length++] = o;
    for (let i = firstDominated[o + 1]! - 1, start = firstDominated[o]!; i >= start; i--) stack[top++] = dominated[i]!;
  }
  return order.subarray(0, length);
}
