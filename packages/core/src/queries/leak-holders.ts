import type { HeapAnalysis } from '../analysis/analyze.js';
import { findAccumulationPoints, type AccumulationPoints } from '../algorithms/accumulation-points.js';
import type { IdIndex } from '../graph/id-index.js';
import { CodeNames } from '../naming/code-names.js';
import { childByName, type KnownName } from '../naming/string-index.js';
import { forEachEntry, type HolderShape } from './holder-kind.js';
import { selectLeaked } from './leaks.js';
import { namedRetainerPath, nameOfPath, type ProgramName } from './program-names.js';
import type { PathStep, RetainerStep } from './retainer-path.js';

export interface LeakHolderOptions {
  /** Ids of the first snapshot: objects with these ids are not leaks. */
  baseline: IdIndex;
  /** With three or more snapshots, ids of the second: a leaked object already exists there. */
  target?: IdIndex;
  /**
   * The largest object id of every snapshot before the analysed one, oldest first. Ids only grow
   * within a process, so they tell in which interval each object still held was allocated.
   */
  maxIds?: readonly number[];
  /** Entries described in full (0 = all); default 20. The rest are counted in `more`. */
  limit?: number;
  /** A holder that does not grow in every interval is still a leak from these sizes on. */
  thresholds?: { bytes: number; count: number };
  /** Names code in the program's words (files relative to a directory); made here when absent. */
  code?: CodeNames;
}

/** How a holder was found. */
export type HolderKind =
  /** A node where leaked objects accumulate (an array, a Map, a listener list, a chain's head). */
  | 'accumulation point'
  /** A collection that was itself allocated after the baseline and fills up. */
  | 'new collection'
  /** No accumulation point: the leaked objects' nearest holder that did not leak. */
  | 'direct';

/** `leak`: it grows (or crossed a threshold); `not growing`: its objects stopped coming; `below thresholds`. */
export type LeakVerdict = 'leak' | 'not growing' | 'below thresholds';

export interface HolderClass {
  /** Class name; a function's name and file:line:col for closures. */
  name: string;
  count: number;
  selfSize: number;
  /** Members of the class not held by another member of the entry. */
  retainedSize: number;
}

export interface HolderGrowth {
  /** Objects allocated in each interval between two snapshots and held now, oldest first. */
  gained: { count: number; size: number }[];
  /** The holder's entries in each snapshot, counting the entries it still holds. */
  entries: number[];
  /** It gained objects in every interval. */
  everyInterval: boolean;
}

export interface LeakHolder {
  /** The holder's node ordinal. */
  ordinal: number;
  kind: HolderKind;
  /** Alike holders this entry stands for (`grid[*]`: the rows of a grid); 1 for most. */
  siblings: number;
  /** How the program reaches the holder, when a path from a root reaches it through the program's code. */
  name: ProgramName | null;
  shape: HolderShape;
  /** For a chain (linked list, promise reactions, closure chain): its period and links. */
  chain: { period: number; links: number } | null;
  /** The holder's own retained size. */
  retainedSize: number;
  members: { count: number; selfSize: number; retainedSize: number };
  classes: HolderClass[];
  growth: HolderGrowth | null;
  verdict: LeakVerdict;
  /** Shortest retainer path from a root to the holder, then down to one of its members. */
  path: PathStep[];
  /** The index in `path` of the holder. */
  holderStep: number;
}

export interface LeakHolderReport {
  entries: LeakHolder[];
  /** Entries beyond `limit`, their members, and how many of them are leaks. */
  more: { entries: number; members: number; leaks: number };
  /** All leaked objects, and those that hold others (what accumulation points are found from). */
  leakedCount: number;
  intervals: number;
}

/** Paths are cut to this many steps, their top and their end kept (a 10M-step chain stays readable). */
const MAX_PATH_STEPS = 2_000;
/** Members whose holder is the nearest object that did not leak are grouped by it, up to this many groups. */
const MAX_DIRECT_HOLDERS = 10_000;
const NONE = -1;

/**
 * `heapdiff leaks` by holder: the objects that survived (allocated between the first two snapshots,
 * alive in the last) grouped by where they accumulate — one entry per holder, named in the
 * program's words, with what it holds by class, how it grew in each interval, its path and a verdict.
 */
export function findLeakHolders(analysis: HeapAnalysis, options: LeakHolderOptions): LeakHolderReport {
  const g = analysis.graph;
  const code = options.code ?? new CodeNames(g);
  const { names } = code;
  const leaked = selectLeaked(analysis, options.baseline, options.target);
  const countable = countableOf(analysis, leaked, names);
  const points = findAccumulationPoints(g, analysis.dominator, analysis.dominatorTree, countable);
  const nearK = nearestHoldingAbove(analysis, points);
  const assignment = mergeSiblings(analysis, assignMembers(analysis, leaked, countable, points, nearK));
  const { groups } = assignment;
  const intervals = Math.max(1, (options.maxIds?.length ?? 1));
  const gained = options.maxIds && options.maxIds.length > 0 ? gainedByInterval(analysis, points, assignment, options.maxIds, nearK) : null;
  const verdicts = groups.map((group, i) => verdictOf(group, gained?.[i] ?? null, options.thresholds));

  // Leaks first, then by what their members retain.
  const rank = (i: number): number => (verdicts[i] === 'leak' ? 0 : 1);
  // Strings that several leaks share are kept by the global object or a GC root: not an entry of their own.
  const shared = (group: Group): boolean => group.kind === 'direct' && group.objects === 0 && (group.holder === g.rootOrdinal || analysis.dominator[group.holder] === g.rootOrdinal);
  const order = groups.map((_, i) => i).filter((i) => !shared(groups[i]!)).sort((a, b) => rank(a) - rank(b) || groups[b]!.retained - groups[a]!.retained || groups[b]!.count - groups[a]!.count);
  const limit = options.limit ?? 20;
  const shown = limit > 0 ? order.slice(0, limit) : order;
  const memo = new Map<number, RetainerStep>();
  const entries = shown.map((i) => describe(analysis, code, names, points, assignment, i, options, memo, gained?.[i] ?? null, verdicts[i]!));
  const rest = order.slice(shown.length);
  return {
    entries,
    more: {
      entries: rest.length,
      members: rest.reduce((sum, i) => sum + groups[i]!.count, 0),
      leaks: rest.reduce((sum, i) => sum + (verdicts[i] === 'leak' ? 1 : 0), 0),
    },
    leakedCount: assignment.leakedCount,
    intervals,
  };
}

/**
 * Leaked objects that can hold others and that programs name: objects, functions, regexps, and a
 * page's DOM (native objects). Not the
 * literal boilerplates V8 keeps in its allocation-site feedback: they are the engine's, not the program's.
 */
function countableOf(analysis: HeapAnalysis, leaked: Uint8Array, names: Record<KnownName, number>): Uint8Array {
  const g = analysis.graph;
  const t = g.nodeTypeId;
  const countable = new Uint8Array(g.nodeCount);
  const { nodeType, nodeNameIndex } = g;
  const { dominator } = analysis;
  const site = names['system / AllocationSite'];
  for (let o = 0; o < leaked.length; o++) {
    if (!leaked[o]) continue;
    const type = nodeType[o];
    if (type !== t.object && type !== t.closure && type !== t.regexp && type !== t.native) continue;
    if (site >= 0 && nodeNameIndex[dominator[o]!] === site) {
      leaked[o] = 0;
      continue;
    }
    countable[o] = 1;
  }
  return countable;
}

interface Group {
  holder: number;
  kind: HolderKind;
  /** Members programs name (objects, functions): a group of strings alone is part of other leaks. */
  objects: number;
  count: number;
  selfSize: number;
  /** Members' retained size, each counted once (members under another member of the group are not). */
  retained: number;
  /** A member closest to a root: the end of the entry's path. */
  sample: number;
  /** Holders this entry stands for: alike collections side by side (`grid[*]`), 1 for most. */
  siblings: number;
}

interface Assignment {
  groups: Group[];
  /** The group of each holder node. */
  groupOfHolder: Map<number, number>;
  /** Per node: its group, for members; -1 otherwise. */
  groupOf: Int32Array;
  leakedCount: number;
}

/**
 * Each leaked object's holder: the accumulation point above it; a collection that leaked and is an
 * accumulation point itself is its own entry; objects with no accumulation point above go to the
 * nearest object above them that did not leak.
 */
function assignMembers(analysis: HeapAnalysis, leaked: Uint8Array, countable: Uint8Array, points: AccumulationPoints, nearK: Int32Array): Assignment {
  const g = analysis.graph;
  const { dominator, retainedSize, selfSize, distance } = analysis;
  const { indexOf, accepted, holder, nodes, preorder } = points;
  const root = g.rootOrdinal;
  // Per node: its nearest strict dominator that did not leak (one pass down the tree, so a long
  // chain of leaked objects costs one step per object, not one per object and link).
  const keeper = new Int32Array(g.nodeCount).fill(NONE);
  for (let i = 0; i < preorder.length; i++) {
    const o = preorder[i]!;
    if (o === root) continue;
    const d = dominator[o]!;
    keeper[o] = leaked[d] && d !== root ? keeper[d]! : d;
  }
  const groupOf = new Int32Array(g.nodeCount).fill(NONE);
  const groups: Group[] = [];
  const groupOfHolder = new Map<number, number>();
  const groupFor = (holderNode: number, kind: HolderKind): number => {
    let id = groupOfHolder.get(holderNode);
    if (id === undefined) {
      if (kind === 'direct' && groupOfHolder.size >= MAX_DIRECT_HOLDERS) return NONE;
      id = groups.length;
      groups.push({ holder: holderNode, kind, objects: 0, count: 0, selfSize: 0, retained: 0, sample: NONE, siblings: 1 });
      groupOfHolder.set(holderNode, id);
    } else if (kind === 'new collection') {
      groups[id]!.kind = kind;
    }
    return id;
  };
  let leakedCount = 0;
  for (let o = 0; o < leaked.length; o++) {
    if (!leaked[o]) continue;
    leakedCount++;
    const k = countable[o] ? indexOf[o]! : nearK[o]!;
    if (k !== NONE && countable[o] && accepted[k]) {
      groupFor(o, 'new collection');
      continue;
    }
    let owner = k === NONE ? NONE : k === indexOf[o] ? holder[k]! : accepted[k] ? nodes[k]! : holder[k]!;
    let kind: HolderKind = 'accumulation point';
    if (owner === NONE) {
      owner = keeper[o] === NONE ? root : keeper[o]!;
      kind = 'direct';
    }
    const id = groupFor(owner, kind);
    if (id === NONE) continue;
    groupOf[o] = id;
    const group = groups[id]!;
    group.count++;
    group.objects += countable[o]!;
    group.selfSize += selfSize[o]!;
    // The path ends at a member programs name (an object, a function), closest to a root.
    if (group.sample === NONE || (countable[o]! > countable[group.sample]!) || (countable[o] === countable[group.sample] && distance[o]! < distance[group.sample]!)) group.sample = o;
  }
  // Retained sizes, each member once: a member under another member of its group is in that one's.
  // Per node: the group of the nearest member strictly above it (the keeper array, no longer needed).
  const above = keeper.fill(NONE);
  for (let i = 0; i < preorder.length; i++) {
    const o = preorder[i]!;
    if (o === root) continue;
    const d = dominator[o]!;
    above[o] = groupOf[d] !== NONE ? groupOf[d]! : above[d]!;
  }
  for (let o = 0; o < leaked.length; o++) {
    const id = groupOf[o]!;
    if (id !== NONE && above[o] !== id) groups[id]!.retained += retainedSize[o]!;
  }
  return { groups, groupOfHolder, groupOf, leakedCount };
}

/**
 * Alike holders side by side — collections of one class in one array, Map or object, like the rows
 * of a grid — are one leak: their groups merge into the biggest one's (named `grid[*]`).
 */
function mergeSiblings(analysis: HeapAnalysis, assignment: Assignment): Assignment {
  const g = analysis.graph;
  const { groups } = assignment;
  const { classOf } = analysis.classes;
  const into = new Map<string, number>();
  const target = groups.map((_, i) => i);
  const byRetained = groups.map((_, i) => i).sort((a, b) => groups[b]!.retained - groups[a]!.retained);
  for (const i of byRetained) {
    const group = groups[i]!;
    if (group.kind === 'direct') continue;
    const edge = edgeFromDominator(analysis, group.holder);
    if (edge === NONE || (g.edgeType[edge] !== g.edgeTypeId.element && g.edgeType[edge] !== g.edgeTypeId.internal)) continue;
    const key = `${analysis.dominator[group.holder]}:${classOf[group.holder]}`;
    const first = into.get(key);
    if (first === undefined) {
      into.set(key, i);
      continue;
    }
    const kept = groups[first]!;
    kept.count += group.count;
    kept.objects += group.objects;
    kept.selfSize += group.selfSize;
    kept.retained += group.retained;
    kept.siblings += group.siblings;
    target[i] = first;
  }
  if (target.every((t, i) => t === i)) return assignment;
  const renumber = new Int32Array(groups.length).fill(NONE);
  const merged: Group[] = [];
  groups.forEach((group, i) => {
    if (target[i] === i) renumber[i] = merged.push(group) - 1;
  });
  const { groupOf } = assignment;
  for (let o = 0; o < groupOf.length; o++) if (groupOf[o] !== NONE) groupOf[o] = renumber[target[groupOf[o]!]!]!;
  const groupOfHolder = new Map<number, number>();
  for (const [holderNode, i] of assignment.groupOfHolder) groupOfHolder.set(holderNode, renumber[target[i]!]!);
  return { groups: merged, groupOf, groupOfHolder, leakedCount: assignment.leakedCount };
}

/** Per node: the K position of its nearest strict dominator that holds leaked objects, or -1; one pass down the tree. */
function nearestHoldingAbove(analysis: HeapAnalysis, points: AccumulationPoints): Int32Array {
  const { dominator } = analysis;
  const { indexOf, preorder } = points;
  const root = analysis.graph.rootOrdinal;
  const near = new Int32Array(dominator.length).fill(NONE);
  for (let i = 0; i < preorder.length; i++) {
    const o = preorder[i]!;
    if (o === root) continue;
    const d = dominator[o]!;
    near[o] = indexOf[d] !== NONE ? indexOf[d]! : near[d]!;
  }
  return near;
}

function describe(
  analysis: HeapAnalysis, code: CodeNames, names: Record<KnownName, number>, points: AccumulationPoints,
  assignment: Assignment, id: number, options: LeakHolderOptions, memo: Map<number, RetainerStep>,
  gained: HolderGrowth['gained'] | null, verdict: LeakVerdict,
): LeakHolder {
  const g = analysis.graph;
  const group = assignment.groups[id]!;
  const o = shownHolder(analysis, names, group.holder);
  const holderPath = cutPath(namedRetainerPath(analysis, code, o, memo));
  const holderStep = holderPath.length - 1;
  const path = group.sample === NONE || group.sample === o ? holderPath : [...holderPath, ...stepsDown(analysis, points, o, group.sample)];
  const k = points.indexOf[group.holder]!;
  const chain = k !== NONE && points.period[k]! > 0 && points.runTop[k] === k ? { period: points.period[k]!, links: chainLinks(points, k) } : null;
  const shape = forEachEntry(g, names, o);
  const growth = gained && options.maxIds ? growthOf(analysis, names, o, gained, options.maxIds, chain ? chainIds(analysis, points, k) : null) : null;
  const members = { count: group.count, selfSize: group.selfSize, retainedSize: group.retained };
  const name = nameOfPath(analysis, code, holderPath) ?? nodeInternalName(analysis, names, holderPath);
  // Alike siblings: `grid[3]` stands for `grid[*]`.
  if (name && group.siblings > 1) name.text = name.text.replace(/\[\d+\]$|\.get\([^)]*\)$/, (m) => (m.startsWith('[') ? '[*]' : '.get(*)'));
  return {
    ordinal: o,
    kind: group.kind,
    siblings: group.siblings,
    name,
    shape,
    chain,
    retainedSize: analysis.retainedSize[o]!,
    members,
    // Siblings share their dominator: walk it to see all their members.
    classes: classesOf(analysis, code, assignment, id, group.siblings > 1 ? analysis.dominator[group.holder]! : group.holder),
    growth,
    verdict,
    path,
    holderStep,
  };
}

/**
 * With three or more snapshots an accumulation point that gained objects in every interval is a
 * leak whatever its size; otherwise the thresholds decide (the class view's rule).
 */
function verdictOf(group: Group, gained: HolderGrowth['gained'] | null, thresholds?: { bytes: number; count: number }): LeakVerdict {
  const overThresholds = thresholds !== undefined && (group.retained >= thresholds.bytes || group.count >= thresholds.count);
  if (overThresholds) return 'leak';
  if (gained && gained.length >= 2) return group.kind !== 'direct' && gained.every((step) => step.count > 0) ? 'leak' : 'not growing';
  return 'below thresholds';
}

/**
 * For every group, the objects it gained in each interval and still holds: each object allocated
 * after the first snapshot (an id above its largest) goes to the holder of the nearest node above
 * it that holds leaked objects. One pass over the nodes; no subtree walks.
 */
function gainedByInterval(analysis: HeapAnalysis, points: AccumulationPoints, assignment: Assignment, maxIds: readonly number[], nearK: Int32Array): HolderGrowth['gained'][] {
  const g = analysis.graph;
  const { groups, groupOfHolder } = assignment;
  const intervals = maxIds.length;
  const count = new Float64Array(groups.length * intervals);
  const size = new Float64Array(groups.length * intervals);
  const t = g.nodeTypeId;
  const { nodeType, nodeId } = g;
  const { selfSize } = analysis;
  const { indexOf, accepted, holder, nodes } = points;
  const first = maxIds[0]!;
  const internalName = systemNames(g);
  for (let o = 0; o < g.nodeCount; o++) {
    const id = nodeId[o]!;
    const type = nodeType[o];
    // Even ids are embedder objects' (Node's `Node / …`), hashed rather than counted: no interval.
    if (id <= first || (id & 1) === 0 || (type !== t.object && type !== t.closure && type !== t.regexp && type !== t.native) || !selfSize[o]) continue;
    if (internalName[g.nodeNameIndex[o]!]) continue;
    let group = assignment.groupOf[o]!;
    if (group === NONE) {
      const self = indexOf[o]!;
      const k = self !== NONE ? self : nearK[o]!;
      if (k === NONE) continue;
      const owner = accepted[k] && self === NONE ? nodes[k]! : holder[k]!;
      group = owner === NONE ? NONE : (groupOfHolder.get(owner) ?? NONE);
      if (group === NONE) continue;
    }
    let at = intervals - 1;
    for (let i = 1; i < intervals; i++) {
      if (id <= maxIds[i]!) {
        at = i - 1;
        break;
      }
    }
    count[group * intervals + at]!++;
    size[group * intervals + at]! += selfSize[o]!;
  }
  return groups.map((_, gi) => Array.from({ length: intervals }, (_, i) => ({ count: count[gi * intervals + i]!, size: size[gi * intervals + i]! })));
}

/** Per string: 1 when it names V8's machinery (`system / Context`): objects by type, not the program's. */
function systemNames(g: HeapAnalysis['graph']): Uint8Array {
  const flags = new Uint8Array(g.strings.length);
  g.strings.forEach((name, i) => {
    if (name.startsWith('system / ')) flags[i] = 1;
  });
  return flags;
}

/** The gains, and the entries the holder had in each snapshot among those it holds now (their ids existed then). */
function growthOf(
  analysis: HeapAnalysis, names: Record<KnownName, number>, holder: number, gained: HolderGrowth['gained'], maxIds: readonly number[], links: number[] | null,
): HolderGrowth {
  const g = analysis.graph;
  const intervals = maxIds.length;
  const entries = new Array<number>(intervals + 1).fill(0);
  const count = (nodeId: number): void => {
    for (let s = 0; s < intervals; s++) if (nodeId <= maxIds[s]!) entries[s]!++;
    entries[intervals]!++;
  };
  // A chain's entries are its links.
  if (links) for (const nodeId of links) count(nodeId);
  else forEachEntry(g, names, holder, (target) => count(g.nodeId[target]!));
  return { gained, entries, everyInterval: gained.every((step) => step.count > 0) };
}

/** Members by class (closures by function and location), largest retained size first. */
function classesOf(analysis: HeapAnalysis, code: CodeNames, assignment: Assignment, id: number, holder: number): HolderClass[] {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  const byName = new Map<string, HolderClass>();
  const closure = g.nodeTypeId.closure;
  // Only the holder's subtree can hold its members: walk it rather than every node.
  const { firstDominated, dominated } = analysis.dominatorTree;
  const stack: number[] = [holder];
  const underMember: number[] = [0];
  while (stack.length > 0) {
    const o = stack.pop()!;
    const inMember = underMember.pop()!;
    const member = assignment.groupOf[o] === id;
    if (member) {
      const name = g.nodeType[o] === closure ? code.functionLabel(o) : names[classOf[o]!]!;
      let row = byName.get(name);
      if (!row) byName.set(name, (row = { name, count: 0, selfSize: 0, retainedSize: 0 }));
      row.count++;
      row.selfSize += analysis.selfSize[o]!;
      if (!inMember) row.retainedSize += analysis.retainedSize[o]!;
    }
    for (let i = firstDominated[o]!, end = firstDominated[o + 1]!; i < end; i++) {
      stack.push(dominated[i]!);
      underMember.push(inMember || member ? 1 : 0);
    }
  }
  return [...byName.values()].sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count);
}

/** Links of the chain whose top is K node `top`. */
function chainLinks(points: AccumulationPoints, top: number): number {
  let links = 0;
  for (let k = top; k < points.nodes.length; k++) if (points.runTop[k] === top && points.period[k]! > 0) links++;
  return links;
}

/** Object ids of a chain's links, one per period (the first node of each). */
function chainIds(analysis: HeapAnalysis, points: AccumulationPoints, top: number): number[] {
  const ids: number[] = [];
  const { nodes, runTop, period } = points;
  const every = period[top]!;
  let seen = 0;
  for (let k = top; k < nodes.length; k++) {
    if (runTop[k] !== top || period[k]! === 0) continue;
    if (seen++ % every === 0) ids.push(analysis.graph.nodeId[nodes[k]!]!);
  }
  return ids;
}

/** A chain of a promise's reactions is shown as the promise: the program holds the promise. */
function shownHolder(analysis: HeapAnalysis, names: Record<KnownName, number>, holder: number): number {
  const g = analysis.graph;
  if (g.nodeNameIndex[holder] !== names['system / PromiseReaction']) return holder;
  const owner = analysis.dominator[holder]!;
  return childByName(g, owner, g.edgeTypeId.internal, names.reactions_or_result) === holder ? owner : holder;
}

/** The steps from `holder` down the dominator tree to `member` (each by its first non-weak edge). */
function stepsDown(analysis: HeapAnalysis, points: AccumulationPoints, holder: number, member: number): PathStep[] {
  const g = analysis.graph;
  const { dominator } = analysis;
  const reversed: PathStep[] = [];
  const root = g.rootOrdinal;
  for (let o = member; o !== holder && o !== root && reversed.length < MAX_PATH_STEPS; o = dominator[o]!) {
    reversed.push({ ordinal: o, edge: edgeFromDominator(analysis, o) });
  }
  void points;
  return reversed.reverse();
}

function edgeFromDominator(analysis: HeapAnalysis, o: number): number {
  const g = analysis.graph;
  const d = analysis.dominator[o]!;
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
    if (retainingNode[r] === d && g.edgeType[retainingEdge[r]!] !== g.edgeTypeId.weak) return retainingEdge[r]!;
  }
  return NONE;
}

/** A path cut to MAX_PATH_STEPS: its first steps and its end. */
function cutPath(path: PathStep[]): PathStep[] {
  if (path.length <= MAX_PATH_STEPS) return path;
  const head = 100;
  return [...path.slice(0, head), ...path.slice(path.length - (MAX_PATH_STEPS - head))];
}

/** Holders Node keeps that the program made: timer lists (`setTimeout`/`setInterval` never cleared). */
function nodeInternalName(analysis: HeapAnalysis, names: Record<KnownName, number>, path: readonly PathStep[]): ProgramName | null {
  const g = analysis.graph;
  const last = path[path.length - 1];
  if (!last || g.nodeNameIndex[last.ordinal] !== names.TimersList) return null;
  const ms = last.edge >= 0 && g.edgeType[last.edge] === g.edgeTypeId.element ? g.edgeNameOrIndex[last.edge]! : null;
  return {
    text: `timers${ms === null ? '' : ` of ${ms} ms`}`,
    kind: 'node',
    where: 'setTimeout/setInterval never cleared',
    from: Math.max(0, path.length - 1),
  };
}

/**
 * The largest id of a JavaScript object (odd: embedder objects get even ids, from a hash) among
 * the ids of a snapshot: every object allocated later gets a larger one.
 */
export function largestObjectId(ids: IdIndex): number {
  return ids.largestOddId;
}
