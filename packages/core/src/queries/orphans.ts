import type { HeapGraph } from '../graph/heap-graph.js';
import type { HeapAnalysis } from '../analysis/analyze.js';
import { BASE_SYSTEM_DISTANCE, NO_DISTANCE } from '../algorithms/distances.js';
import { reachableFromGlobals } from '../algorithms/global-reach.js';
import { hasUserRoots } from '../algorithms/page-objects.js';
import type { SizeColumn } from '../algorithms/shallow-size.js';
import { closerRetainer, shortestRetainerPath, type PathStep, type RetainerStep } from './retainer-path.js';

/** Category of orphans that only weak edges reach. */
export const WEAK_ONLY = 'weak only';
/** Category of orphans that nothing references at all (seen only in hand-made or damaged snapshots). */
export const UNREFERENCED = 'unreferenced';

export interface OrphanCategory {
  /** The GC-root category holding the orphans: `(Global handles)`, `(Stack roots)`, `weak only`... */
  category: string;
  count: number;
}

export interface OrphanGroup {
  classId: number;
  name: string;
  key: string;
  count: number;
  selfSize: number;
  /** Sum over the group; orphans never dominate one another, so nothing is counted twice. */
  retainedSize: number;
  /** Most orphans first. */
  categories: OrphanCategory[];
  /** Ordinals of the members that retain the most, largest first. */
  samples: number[];
}

export interface OrphanOptions {
  /** Members kept per group in `samples`; default 5. */
  samples?: number;
}

/**
 * objgraph's `get_leaking_objects` for V8: objects that no JavaScript object keeps alive.
 *
 * A node is an orphan when all of these hold:
 * 1. It is a JavaScript object with identity: type object (not V8's `system / …` internals),
 *    closure or regexp. Primitives (strings, numbers, symbols, bigints) cannot hold anything and
 *    V8/embedder internals (hidden, array, code, object shape, native, synthetic) are machinery;
 *    they are counted in an orphan's retained size, never reported as orphans themselves.
 * 2. The user roots (the global object, DOM trees) do not reach it over non-weak edges: it is
 *    not a page object and its distance is not below BASE_SYSTEM_DISTANCE. Chromium's snapshots
 *    name no user roots; there the pages' global objects must not reach it.
 * 3. It is the top of its region: none of its dominators is itself a candidate (1 + 2). So it
 *    is held by GC-root categories or native code — directly, or through V8/embedder internals
 *    such as a handle's backing array — and not by another object of the region, which would be
 *    reported instead. (Dominators rather than "every retainer is a root": a class and its
 *    prototype refer to each other, and one of them must still be the top.)
 * Its category names who holds it: the GC sub-root (`(Global handles)`, `(Handle scope)`,
 * `(Stack roots)`, `(Strong roots)`...) or embedder root (`Node / TCPServerWrap`, `C++ roots`)
 * at the start of its shortest retainer path, with the edge out of that root when it has a name
 * (`(Strong roots) › weak_refs_keep_during_job`); `weak only` when only weak edges reach it.
 * Groups are per class, largest retained size first.
 */
export function findOrphans(analysis: HeapAnalysis, options: OrphanOptions = {}): OrphanGroup[] {
  const g = analysis.graph;
  const candidate = markCandidates(analysis);
  const below = markBelowCandidates(analysis, candidate);
  const sampleCount = options.samples ?? 5;
  const categoryOf = rootCategories(analysis);
  const { classOf, names, keys } = analysis.classes;
  const { retainedSize, selfSize } = analysis;
  const groups = new Map<number, OrphanGroup & { byCategory: Map<string, number> }>();
  for (let o = 0; o < g.nodeCount; o++) {
    if (!candidate[o] || below[o]) continue;
    const classId = classOf[o]!;
    let group = groups.get(classId);
    if (!group) {
      group = { classId, name: names[classId]!, key: keys[classId]!, count: 0, selfSize: 0, retainedSize: 0, categories: [], samples: [], byCategory: new Map() };
      groups.set(classId, group);
    }
    group.count++;
    group.selfSize += selfSize[o]!;
    group.retainedSize += retainedSize[o]!;
    const category = categoryOf(o);
    group.byCategory.set(category, (group.byCategory.get(category) ?? 0) + 1);
    insertSample(group.samples, o, retainedSize, sampleCount);
  }
  return [...groups.values()]
    .map(({ byCategory, ...group }) => ({
      ...group,
      categories: [...byCategory].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count || (a.name < b.name ? -1 : 1));
}

/** Conditions 1 and 2: identity-bearing JS objects that the user roots do not reach. */
function markCandidates(analysis: HeapAnalysis): Uint8Array {
  const g = analysis.graph;
  const { pageObject, distance } = analysis;
  // Chromium's snapshots name no user roots, so distances cannot tell: walk from the globals.
  const fromGlobals = hasUserRoots(g) ? null : reachableFromGlobals(g);
  const { nodeType, nodeNameIndex } = g;
  const t = g.nodeTypeId;
  const candidate = new Uint8Array(g.nodeCount);
  // Per name string: 1 if it is a V8 internal object name (`system / Context`), resolved on first use.
  const systemName = new Int8Array(g.strings.length).fill(-1);
  for (let o = 0; o < g.nodeCount; o++) {
    const type = nodeType[o];
    if (type !== t.object && type !== t.closure && type !== t.regexp) continue;
    if (pageObject[o]) continue;
    if (fromGlobals) {
      if (fromGlobals[o]) continue;
    } else {
      const d = distance[o]!;
      if (d !== NO_DISTANCE && d < BASE_SYSTEM_DISTANCE) continue;
    }
    if (type === t.object) {
      const nameIndex = nodeNameIndex[o]!;
      if (systemName[nameIndex] === -1) systemName[nameIndex] = g.strings[nameIndex]!.startsWith('system / ') ? 1 : 0;
      if (systemName[nameIndex] === 1) continue;
    }
    candidate[o] = 1;
  }
  return candidate;
}

/** below[o] = 1 when a proper dominator of o is a candidate: one preorder pass over the dominator tree. */
function markBelowCandidates(analysis: HeapAnalysis, candidate: Uint8Array): Uint8Array {
  const n = candidate.length;
  const { firstDominated, dominated } = analysis.dominatorTree;
  const below = new Uint8Array(n);
  const stack = new Uint32Array(n);
  let top = 0;
  stack[top++] = analysis.graph.rootOrdinal;
  while (top > 0) {
    const o = stack[--top]!;
    const flag = below[o]! | candidate[o]!;
    for (let i = firstDominated[o]!, end = firstDominated[o + 1]!; i < end; i++) {
      const child = dominated[i]!;
      below[child] = flag;
      stack[top++] = child;
    }
  }
  return below;
}

/** The root category at the start of the node's shortest retainer path (see findOrphans). */
export function rootCategory(analysis: HeapAnalysis, o: number): string {
  const g = analysis.graph;
  const path = shortestRetainerPath(analysis, o);
  if (path.length === 0) return hasWeakRetainer(g, o) ? WEAK_ONLY : UNREFERENCED;
  return categoryOfPath(g, path);
}

/** The category named by a path's first steps (root first; only the first three are read). */
function categoryOfPath(g: HeapGraph, path: readonly PathStep[]): string {
  // path[0] is a child of the root: `(GC roots)`, whose children are the categories, or an
  // embedder root (`C++ roots`, `Node / Environment`), which is a category itself.
  const i = path.length > 1 && g.nodeName(path[0]!.ordinal) === '(GC roots)' && g.nodeType[path[0]!.ordinal] === g.nodeTypeId.synthetic ? 1 : 0;
  const name = g.nodeName(path[i]!.ordinal);
  // The edge out of the root says more when it has a real name (not a slot number).
  const out = path[i + 1]?.edge ?? -1;
  const via = out >= 0 ? g.edgeName(out) : '';
  return via && !/^\d+$/.test(via) ? `${name} › ${via}` : name;
}

/**
 * `rootCategory` for many nodes. A node's shortest path is the path of the retainer it steps up
 * to, plus one step, and a category depends on a path's first three steps only: every node three
 * or more steps down shares the category of its walk's top, so each walk stops at the first such
 * node already known. Linear overall, where one `rootCategory` per orphan is quadratic when
 * orphans hang one by one off a long chain of internal nodes.
 */
function rootCategories(analysis: HeapAnalysis): (o: number) => string {
  const g = analysis.graph;
  const root = g.rootOrdinal;
  /** Category id of nodes at least three steps down their path; -1 until known. */
  const known = new Int32Array(g.nodeCount).fill(-1);
  const categories: string[] = [];
  const idOf = new Map<string, number>();
  const intern = (name: string): number => {
    let id = idOf.get(name);
    if (id === undefined) {
      id = categories.push(name) - 1;
      idOf.set(name, id);
    }
    return id;
  };
  const walked: number[] = [];
  const edgeUp: number[] = [];
  const step: RetainerStep = { node: -1, edge: -1 };
  return (o) => {
    if (analysis.distance[o] === NO_DISTANCE) return rootCategory(analysis, o);
    walked.length = 0;
    edgeUp.length = 0;
    let v = o;
    for (;;) {
      if (known[v]! >= 0) {
        for (const w of walked) known[w] = known[v]!;
        return categories[known[v]!]!;
      }
      walked.push(v);
      if (!closerRetainer(analysis, v, step) || step.node === root) break;
      edgeUp.push(step.edge);
      v = step.node;
    }
    // At the top: walked = [o, ..., first step]; edgeUp[j] leads from walked[j + 1] down to walked[j].
    const top = walked.length - 1;
    const pathTo = (j: number): PathStep[] => {
      const path: PathStep[] = [];
      for (let i = top; i >= j; i--) path.push({ ordinal: walked[i]!, edge: i === top ? -1 : edgeUp[i]! });
      return path;
    };
    if (top < 2) return categoryOfPath(g, pathTo(0));
    const id = intern(categoryOfPath(g, pathTo(top - 2)));
    for (let j = 0; j <= top - 2; j++) known[walked[j]!] = id;
    return categories[id]!;
  };
}

function hasWeakRetainer(g: HeapGraph, o: number): boolean {
  const { firstRetainerIndex, retainingEdge } = g.getRetainers();
  for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
    if (g.edgeType[retainingEdge[r]!] === g.edgeTypeId.weak) return true;
  }
  return false;
}

/** Keeps `samples` sorted by retained size (largest first), at most `max` long. */
function insertSample(samples: number[], o: number, size: SizeColumn, max: number): void {
  if (max <= 0 || (samples.length === max && size[o]! <= size[samples[max - 1]!]!)) return;
  let i = Math.min(samples.length, max - 1);
  while (i > 0 && size[samples[i - 1]!]! < size[o]!) {
    samples[i] = samples[i - 1]!;
    i--;
  }
  samples[i] = o;
}
