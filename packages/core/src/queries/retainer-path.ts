import { NodeNotFoundError } from '../errors/errors.js';
import type { HeapAnalysis } from '../analysis/analyze.js';
import { NO_DISTANCE } from '../algorithms/distances.js';

/** One step of a retainer path: the node, and the edge that led to it from the previous step. */
export interface PathStep {
  ordinal: number;
  /** Edge index from the previous step's node to this one; -1 for the first step. */
  edge: number;
}

/** One step up a shortest retainer path: the retainer taken, and its edge to the node below. */
export interface RetainerStep {
  node: number;
  edge: number;
}

/**
 * The retainer a shortest retainer path takes one step up from `o`: the root if it holds `o`,
 * otherwise the first non-weak retainer closest to a root (strictly closer than `o`). Fills `step`
 * and returns false when there is none. Paths of different nodes share their upper steps.
 */
export function closerRetainer(analysis: HeapAnalysis, o: number, step: RetainerStep): boolean {
  const g = analysis.graph;
  const { distance } = analysis;
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const { edgeType } = g;
  const weak = g.edgeTypeId.weak;
  const root = g.rootOrdinal;
  let best = -1;
  let bestEdge = -1;
  let bestDistance = distance[o]!;
  for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
    const e = retainingEdge[r]!;
    if (edgeType[e] === weak) continue;
    const source = retainingNode[r]!;
    const d = distance[source]!;
    if (d === NO_DISTANCE || source === o) continue;
    if (source === root) {
      best = root;
      bestEdge = e;
      break;
    }
    if (d < bestDistance) {
      best = source;
      bestEdge = e;
      bestDistance = d;
    }
  }
  step.node = best;
  step.edge = bestEdge;
  return best >= 0;
}

/**
 * Shortest retainer path from a root to `target`, following DevTools' distances backwards: at
 * each step take the first non-weak retainer one step closer to a root. Distances are measured
 * from user roots (the global object) first, so paths through JavaScript are preferred over
 * internal ones. The synthetic root itself is left out; the first step is the node it holds.
 * Returns an empty array for a node no root reaches. Paths to many nodes share their upper
 * steps: pass the same `memo` to work each node's step out once (a node near the root can have
 * thousands of retainers to scan).
 */
export function shortestRetainerPath(analysis: HeapAnalysis, target: number, memo?: Map<number, RetainerStep>): PathStep[] {
  const g = analysis.graph;
  const root = g.rootOrdinal;
  if (analysis.distance[target] === NO_DISTANCE) return [];
  const reversed: PathStep[] = [];
  const step: RetainerStep = { node: -1, edge: -1 };
  let current = target;
  let edgeIn = -1;
  // Distances strictly decrease along the walk, so it ends; the cap guards against odd inputs.
  for (let guard = 0; guard <= g.nodeCount; guard++) {
    let up = memo?.get(current);
    if (!up) {
      closerRetainer(analysis, current, step);
      up = { node: step.node, edge: step.edge };
      memo?.set(current, up);
    }
    reversed.push({ ordinal: current, edge: edgeIn });
    if (up.node < 0 || up.node === root) break;
    edgeIn = up.edge;
    current = up.node;
  }
  // The edge stored with each step leads *out* of it; shift so each step carries its incoming edge.
  const path = reversed.reverse();
  for (let i = path.length - 1; i > 0; i--) path[i]!.edge = path[i - 1]!.edge;
  path[0]!.edge = -1;
  return path;
}

/** `shortestRetainerPath` to the object with this snapshot id; an unknown id throws NodeNotFoundError. */
export function retainerPathOfId(analysis: HeapAnalysis, nodeId: number): PathStep[] {
  const ordinal = analysis.graph.ordinalOfId(nodeId);
  if (ordinal < 0) throw new NodeNotFoundError(nodeId);
  return shortestRetainerPath(analysis, ordinal);
}
