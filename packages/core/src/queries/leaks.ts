import type { IdIndex } from '../graph/id-index.js';
import type { HeapAnalysis } from '../analysis/analyze.js';
import { aggregateClasses } from './class-aggregates.js';
import { BASE_SYSTEM_DISTANCE, NO_DISTANCE } from '../algorithms/distances.js';
import { pathSignature } from './path-signature.js';
import { shortestRetainerPath, type PathStep, type RetainerStep } from './retainer-path.js';

export interface LeakOptions {
  /** Ids of the snapshot taken before the suspect phase: objects with these ids are not leaks. */
  baseline: IdIndex;
  /** With three snapshots: ids of the middle one; a leak must already exist there. */
  target?: IdIndex;
  /** How many groups to return (0 = all). */
  limit?: number;
  /** Most members per group whose retainer paths are computed and clustered. */
  pathSamples?: number;
  /** Most path clusters reported per group. */
  maxPaths?: number;
  /**
   * Most retainer-path steps walked per group (default 1,000,000). A leaked linked list has members
   * millions of steps from a root; the closest member's path is always computed, further ones only
   * while the budget lasts.
   */
  pathStepBudget?: number;
}

export interface LeakPathCluster {
  /** Sampled members held the same way as the representative (indices and ids aside). */
  count: number;
  path: PathStep[];
}

export interface LeakGroup {
  classId: number;
  key: string;
  name: string;
  count: number;
  selfSize: number;
  /** Group retained size: members dominated by another member are not counted twice. */
  retainedSize: number;
  /** Biggest clusters first. */
  clusters: LeakPathCluster[];
  /** How many members the clusters were computed from (≤ count). */
  sampled: number;
}

/**
 * Objects allocated after the baseline (id absent there) and still alive in the analysed
 * snapshot (and, with three snapshots, already present in the middle one), grouped by class and
 * ranked by retained size, each group with its clustered shortest retainer paths.
 * V8 internals (hidden, code, object shape and synthetic nodes, and `system / …` objects such as
 * closure contexts) are left out: they follow the objects that own them, which are reported instead.
 */
export function findLeaks(analysis: HeapAnalysis, options: LeakOptions): LeakGroup[] {
  const { distance, selfSize } = analysis;
  const g = analysis.graph;
  const leaked = selectLeaked(analysis, options.baseline, options.target);
  const rows = aggregateClasses({
    classes: analysis.classes,
    selfSize,
    retainedSize: analysis.retainedSize,
    distance,
    tree: analysis.dominatorTree,
    root: g.rootOrdinal,
    include: (o) => leaked[o] === 1,
  });
  rows.sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count);
  const limit = options.limit ?? 20;
  const top = limit > 0 ? rows.slice(0, limit) : rows;
  const members = collectMembers(analysis, leaked, top.map((r) => r.classId));
  const budget = { samples: options.pathSamples ?? 200, maxPaths: options.maxPaths ?? 3, steps: options.pathStepBudget ?? 1_000_000 };
  // Every group's paths climb through the same few nodes near the roots: each step once.
  const memo = new Map<number, RetainerStep>();
  return top.map((r) => {
    const list = members.get(r.classId) ?? [];
    const { clusters, sampled } = clusterPaths(analysis, list, budget, memo);
    return {
      classId: r.classId,
      key: analysis.classes.keys[r.classId]!,
      name: analysis.classes.names[r.classId]!,
      count: r.count,
      selfSize: r.selfSize,
      retainedSize: r.retainedSize,
      clusters,
      sampled,
    };
  });
}

function collectMembers(analysis: HeapAnalysis, leaked: Uint8Array, classIds: number[]): Map<number, number[]> {
  const wanted = new Map<number, number[]>(classIds.map((c) => [c, []]));
  const { classOf } = analysis.classes;
  for (let o = 0; o < leaked.length; o++) {
    if (leaked[o]) wanted.get(classOf[o]!)?.push(o);
  }
  return wanted;
}

/** Steps of the shortest retainer path to a node at this DevTools distance. */
function pathLength(distance: number): number {
  return distance >= BASE_SYSTEM_DISTANCE ? distance - BASE_SYSTEM_DISTANCE : distance;
}

/** Members closest to a root first: their paths are the ones a person reads to find the holder. */
function clusterPaths(
  analysis: HeapAnalysis, members: number[], budget: { samples: number; maxPaths: number; steps: number }, memo: Map<number, RetainerStep>,
): { clusters: LeakPathCluster[]; sampled: number } {
  const { distance, retainedSize } = analysis;
  const { samples, maxPaths } = budget;
  const ordered = [...members].sort((a, b) => distance[a]! - distance[b]! || retainedSize[b]! - retainedSize[a]!);
  // Evenly spaced picks keep the sample representative of the whole group, not just its head.
  const step = Math.max(1, ordered.length / samples);
  const clusters = new Map<string, LeakPathCluster>();
  let sampled = 0;
  let steps = 0;
  for (let i = 0; i < ordered.length && sampled < samples; i += step) {
    const member = ordered[Math.floor(i)]!;
    // Later picks are no closer to a root, so once the budget is spent it stays spent.
    steps += pathLength(distance[member]!);
    if (sampled > 0 && steps > budget.steps) break;
    const path = shortestRetainerPath(analysis, member, memo);
    sampled++;
    if (path.length === 0) continue;
    const signature = pathSignature(analysis, path);
    const cluster = clusters.get(signature);
    if (cluster) cluster.count++;
    else clusters.set(signature, { count: 1, path });
  }
  const sorted = [...clusters.values()].sort((a, b) => b.count - a.count || a.path.length - b.path.length);
  return { clusters: sorted.slice(0, maxPaths), sampled };
}

/**
 * The objects `findLeaks` reports: allocated after the baseline (id absent there), still alive (and,
 * with a target, already present in it), reachable, with a self size, and not V8's machinery
 * (hidden, code, object shape and synthetic nodes, and `system / …` objects such as closure
 * contexts: they follow the objects that own them). One byte per node.
 */
/**
 * V8's internal objects (`system / Context`, `system / Map`…: type object, machinery all the same)
 * and Node's own C++ objects (`Node / Environment`, `Detached Node / …`: its module loader, its
 * inspector session, whose ids are not stable between snapshots): never the program's leak.
 */
const ENGINE_NAME = /^(system \/ |(Detached )?Node \/ )/;

export function selectLeaked(analysis: HeapAnalysis, baseline: IdIndex, target?: IdIndex): Uint8Array {
  const g = analysis.graph;
  const { nodeId, nodeType, nodeNameIndex } = g;
  const t = g.nodeTypeId;
  const internal = new Uint8Array(g.nodeTypes.length);
  for (const type of [t.hidden, t.code, t.objectShape, t.synthetic]) if (type >= 0) internal[type] = 1;
  const { distance, selfSize } = analysis;
  // Per name string: 1 for the engine's own objects, resolved on first use.
  const systemName = new Int8Array(g.strings.length).fill(-1);
  const leaked = new Uint8Array(g.nodeCount);
  for (let o = 0; o < g.nodeCount; o++) {
    if (internal[nodeType[o]!] || !selfSize[o] || distance[o] === NO_DISTANCE) continue;
    const id = nodeId[o]!;
    if (baseline.has(id) || (target && !target.has(id))) continue;
    const type = nodeType[o];
    if (type === t.object || type === t.native) {
      const nameIndex = nodeNameIndex[o]!;
      if (systemName[nameIndex] === -1) systemName[nameIndex] = ENGINE_NAME.test(g.strings[nameIndex]!) ? 1 : 0;
      if (systemName[nameIndex] === 1) continue;
    }
    leaked[o] = 1;
  }
  return leaked;
}
