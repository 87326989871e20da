/** Children lists of the dominator tree as CSR. */
export interface DominatorTree {
  /** nodeCount + 1 entries: node o's dominated nodes are dominated[firstDominated[o] .. firstDominated[o + 1]). */
  firstDominated: Uint32Array;
  dominated: Uint32Array;
}

import { UNINITIALIZED, takeFrom, type ScratchPool } from './scratch-pool.js';

export function buildDominatorTree(dominator: Uint32Array, root: number, pool?: ScratchPool): DominatorTree {
  const n = dominator.length;
  const firstDominated = takeFrom(pool, n + 1);
  for (let o = 0; o < n; o++) if (o !== root) firstDominated[dominator[o]! + 1]!++;
  for (let o = 0; o < n; o++) firstDominated[o + 1]! += firstDominated[o]!;
  const fill = takeFrom(pool, n, UNINITIALIZED);
  fill.set(firstDominated.subarray(0, n));
  const dominated = takeFrom(pool, Math.max(0, n - 1), UNINITIALIZED);
  for (let o = 0; o < n; o++) if (o !== root) dominated[fill[dominator[o]!]!++] = o;
  pool?.give(fill);
  return { firstDominated, dominated };
}
