/** Children lists of the dominator tree as CSR. */
export interface DominatorTree {
  /** nodeCount + 1 entries: node o's dominated nodes are dominated[firstDominated[o] .. firstDominated[o + 1]). */
  firstDominated: Uint32Array;
  dominated: Uint32Array;
}

export function buildDominatorTree(dominator: Uint32Array, root: number): DominatorTree {
  const n = dominator.length;
  const firstDominated = new Uint32Array(n + 1);
  for (let o = 0; o < n; o++) if (o !== root) firstDominated[dominator[o]! + 1]!++;
  for (let o = 0; o < n; o++) firstDominated[o + 1]! += firstDominated[o]!;
  const fill = firstDominated.slice(0, n);
  const dominated = new Uint32Array(Math.max(0, n - 1));
  for (let o = 0; o < n; o++) if (o !== root) dominated[fill[dominator[o]!]!++] = o;
  return { firstDominated, dominated };
}
