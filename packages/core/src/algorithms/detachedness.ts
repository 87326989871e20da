import type { HeapGraph } from '../graph/heap-graph.js';
import { UNINITIALIZED, takeFrom, type ScratchPool } from './scratch-pool.js';

export const ATTACHED = 1;
export const DETACHED = 2;

/**
 * DevTools' DOM state propagation: native nodes reachable from attached natives are attached,
 * the rest reachable from detached natives are detached (shown as `Detached <name>`). The state
 * does not flow through JavaScript objects. Returns null when the snapshot has no such field.
 */
export function propagateDetachedness(g: HeapGraph, pool?: ScratchPool): Uint8Array | null {
  if (g.detachedness.length === 0) return null;
  const n = g.nodeCount;
  const state = Uint8Array.from(g.detachedness);
  const visited = new Uint8Array(n);
  // Stacks: read only below their tops.
  const attached = takeFrom(pool, n + 1, UNINITIALIZED);
  const detached = takeFrom(pool, n + 1, UNINITIALIZED);
  let attachedTop = 0;
  let detachedTop = 0;
  const { nodeType, firstEdgeIndex, edgeType, edgeToOrdinal } = g;
  const native = g.nodeTypeId.native;
  const { hidden, weak } = g.edgeTypeId;

  const process = (o: number, newState: number): void => {
    if (visited[o]) return;
    visited[o] = 1;
    if (nodeType[o] !== native) return;
    state[o] = newState;
    if (newState === ATTACHED) attached[attachedTop++] = o;
    else if (newState === DETACHED) detached[detachedTop++] = o;
  };
  const propagate = (o: number, newState: number): void => {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const t = edgeType[e];
      if (t === hidden || t === weak) continue;
      process(edgeToOrdinal[e]!, newState);
    }
  };

  for (let o = 0; o < n; o++) {
    const s = state[o]!;
    if (s !== 0) process(o, s);
  }
  while (attachedTop > 0) propagate(attached[--attachedTop]!, ATTACHED);
  while (detachedTop > 0) {
    const o = detached[--detachedTop]!;
    if (state[o] === ATTACHED) continue;
    propagate(o, DETACHED);
  }
  pool?.give(attached, detached);
  return state;
}
