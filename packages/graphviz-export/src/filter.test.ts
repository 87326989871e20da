import { describe, expect, test } from 'vitest';
import type { HeapNodeAttributes, HeapSubgraph } from './attributes.js';
import { filterGraphByLabel } from './filter.js';
import { emptyHeapSubgraph } from './from-subgraph.js';

const attrs = (id: number, className: string, depth: number): HeapNodeAttributes => ({
  id, type: 'object', name: className, className, selfSize: 8, retainedSize: null, depth,
  start: depth === 0, gcRoot: false, global: false, truncated: 0,
});

/**
 * Retainers of Start @1:  Foo @2 <- Bar @3 <- Baz @4   and   Baz @5 (direct),   Bar @3 <- Qux @6 -> Baz @5.
 * Edges point from holder to held, as in the heap.
 */
function chain(direction: 'retainers' | 'references'): HeapSubgraph {
  const g = emptyHeapSubgraph({ direction, maxDepth: 3 });
  const nodes: [number, string, number][] = [[1, 'Start', 0], [2, 'Foo', 1], [3, 'Bar', 2], [4, 'Baz', 3], [5, 'Baz', 1], [6, 'Qux', 2]];
  for (const [id, name, depth] of nodes) g.addNode(String(id), attrs(id, name, depth));
  const edges: [number, number][] = direction === 'retainers'
    ? [[2, 1], [3, 2], [4, 3], [5, 1], [6, 3], [6, 5]]
    : [[1, 2], [2, 3], [3, 4], [1, 5], [3, 6], [5, 6]];
  for (const [from, to] of edges) g.addDirectedEdge(String(from), String(to), { name: 'x', type: 'property', count: 1 });
  return g;
}

describe('filterGraphByLabel', () => {
  test('drops unmatched nodes and what was only reachable through them (retainers)', () => {
    const kept = filterGraphByLabel(chain('retainers'), /Foo|Baz|Qux/);
    // Bar @3 does not match: Baz @4 lay behind it. Qux @6 still reaches Start through Baz @5.
    expect(kept.nodes().sort()).toEqual(['1', '2', '5', '6']);
    expect(kept.hasDirectedEdge('6', '5')).toBe(true);
  });

  test('start objects always stay, even when they do not match', () => {
    expect(filterGraphByLabel(chain('retainers'), /Nothing/).nodes()).toEqual(['1']);
  });

  test('follows outgoing edges for references', () => {
    const kept = filterGraphByLabel(chain('references'), /Foo|Baz|Qux/);
    expect(kept.nodes().sort()).toEqual(['1', '2', '5', '6']);
  });

  test('matches the whole label (class, id, preview, sizes) and leaves the input untouched', () => {
    const input = chain('retainers');
    expect(filterGraphByLabel(input, /@3$/m).nodes().sort()).toEqual(['1']);
    expect(filterGraphByLabel(input, /^(Start|Foo|Bar) @/m).nodes().sort()).toEqual(['1', '2', '3']);
    expect(input.order).toBe(6);
  });

  test('a /g regex gives the same answer on every node', () => {
    expect(filterGraphByLabel(chain('retainers'), /Baz|Foo|Bar/g).order).toBe(5);
  });
});
