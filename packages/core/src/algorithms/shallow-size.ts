import type { HeapGraph } from '../graph/heap-graph.js';
import { hasUserRoots } from './page-objects.js';
import { UNINITIALIZED, takeFrom, type ScratchPool } from './scratch-pool.js';

/**
 * Sizes per node. 32-bit when the heap's total self size fits (it nearly always does: no sum of
 * sizes can exceed it), which halves two node-sized columns at the memory peak.
 */
export type SizeColumn = Uint32Array | Float64Array;

const UNVISITED = 0xffffffff;
const MULTIPLE_OWNERS = 0xfffffffe;

/**
 * DevTools' shallow-size transfer: a hidden or array node, or a `system / ExternalStringData`
 * native node, that is reachable (over non-weak edges) from exactly one "owner" object has its
 * self size moved onto that owner. Skipped for snapshots without user roots ("expose internals").
 * Returns the adjusted self sizes; the graph's raw sizes stay untouched.
 */
export function transferShallowSizes(g: HeapGraph, pool?: ScratchPool): SizeColumn {
  const n = g.nodeCount;
  let total = 0;
  for (let o = 0; o < n; o++) total += g.nodeSelfSize[o]!;
  const selfSize: SizeColumn = total < 2 ** 32 ? new Uint32Array(g.nodeSelfSize) : Float64Array.from(g.nodeSelfSize);
  if (!hasUserRoots(g)) return selfSize;
  const { nodeType, firstEdgeIndex, edgeType, edgeToOrdinal } = g;
  const { hidden, array, native, synthetic } = g.nodeTypeId;
  const { weak } = g.edgeTypeId;
  const externalStringData = g.strings.indexOf('system / ExternalStringData');
  // Every owner is set below before it is read; the worklist is read only below its top.
  const owners = takeFrom(pool, n + 1, UNINITIALIZED);
  // Each node enters the worklist at most twice (to an owner, then to "multiple").
  const worklist = takeFrom(pool, 2 * n + 2, UNINITIALIZED);
  let top = 0;
  for (let o = 0; o < n; o++) {
    const type = nodeType[o];
    if (type === hidden || type === array || (type === native && g.nodeNameIndex[o] === externalStringData)) {
      owners[o] = UNVISITED;
    } else {
      owners[o] = o;
      worklist[top++] = o;
    }
  }
  // DevTools pops from the end; order changes nothing about the fixed point, but keep it the same.
  while (top > 0) {
    const o = worklist[--top]!;
    const owner = owners[o]!;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      if (edgeType[e] === weak) continue;
      const target = edgeToOrdinal[e]!;
      const current = owners[target]!;
      if (current === UNVISITED) {
        owners[target] = owner;
        worklist[top++] = target;
      } else if (current !== target && current !== owner && current !== MULTIPLE_OWNERS) {
        owners[target] = MULTIPLE_OWNERS;
        worklist[top++] = target;
      }
    }
  }
  const root = g.rootOrdinal;
  for (let o = 0; o < n; o++) {
    const owner = owners[o]!;
    if (owner === UNVISITED || owner === MULTIPLE_OWNERS || owner === o) continue;
    if (nodeType[owner] === synthetic || owner === root) continue;
    selfSize[owner]! += selfSize[o]!;
    selfSize[o] = 0;
  }
  pool?.give(owners, worklist);
  return selfSize;
}
