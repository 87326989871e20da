// Property tests for the graph algorithms on thousands of small random heaps (built with the
// snapshot builder and parsed, so the parser is on the path too): core's Lengauer–Tarjan
// dominators equal a naive dataflow reference, with unreachable nodes, cycles, self loops,
// weak-only retainers, shortcuts, WeakMap ephemeron edges and page/non-page objects; retained
// sizes add up along the dominator tree; the shallow-size transfer moves size without losing any;
// orphan categories, computed for all orphans at once, match the one-path-per-node definition.
// HEAPDIFF_FUZZ_RUNS (as set by `pnpm fuzz`) raises the number of graphs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeHeap, findOrphans, loadSnapshotBytes, rootCategory, type HeapAnalysis } from '@heapdiff/core';
import { referenceDominators, referenceEssentialEdges } from './helpers/reference-dominators.js';
import { buildSnapshot, type NodeSpec } from './helpers/snapshot-builder.js';

const GRAPHS = Number(process.env.HEAPDIFF_FUZZ_RUNS ?? 0) * 10 || 3000;
const SEED = Number(process.env.HEAPDIFF_FUZZ_SEED ?? 424_242);

const TYPES = ['object', 'object', 'object', 'array', 'hidden', 'closure', 'string', 'native', 'synthetic', 'code', 'number'];
const NAMES = ['Object', 'Foo', 'Bar', 'system / Context', '(GC roots)', '(Document DOM trees)', 'Detached <div>', 'x'];
const EDGE_TYPES = ['property', 'property', 'element', 'context', 'internal', 'hidden', 'shortcut', 'weak', 'weak'];

/**
 * Half the heaps get V8's top structure on their first nodes: the root holds `(GC roots)` and a
 * global object; `(GC roots)` holds two GC-root categories. Then paths start the way they do in
 * real snapshots (where orphan categories and user-root distances come from).
 */
function withRootStructure(nodes: NodeSpec[]): NodeSpec[] {
  if (nodes.length < 6) return nodes;
  const [root, , a, b, global] = nodes as [NodeSpec, NodeSpec, NodeSpec, NodeSpec, NodeSpec];
  nodes[1] = { type: 'synthetic', name: '(GC roots)', id: 3, size: 0, edges: [['element', 1, 2], ['element', 2, 3]] };
  nodes[2] = { ...a, type: 'synthetic', name: '(Global handles)', size: 0 };
  nodes[3] = { ...b, type: 'synthetic', name: '(Strong roots)', size: 0 };
  nodes[4] = { ...global, type: 'object', name: 'global' };
  nodes[0] = { ...root, edges: [['shortcut', 'global', 4], ['element', 1, 1], ...(root.edges ?? [])] };
  return nodes;
}

/** A random heap of 1..maxNodes nodes; node 0 is the synthetic root. Ids are 2o+1, as V8's JS ids. */
function heapArbitrary(maxNodes: number): fc.Arbitrary<NodeSpec[]> {
  return fc.tuple(fc.integer({ min: 1, max: maxNodes }), fc.boolean()).chain(([n, rooted]) => {
    const edge = fc.tuple(fc.nat({ max: n - 1 }), fc.constantFrom(...EDGE_TYPES), fc.nat({ max: 3 }), fc.nat({ max: n - 1 }), fc.nat({ max: 9 }));
    const node = fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...NAMES), fc.nat({ max: 64 }));
    return fc.tuple(fc.array(node, { minLength: n, maxLength: n }), fc.array(edge, { maxLength: 3 * n })).map(([nodes, edges]) => {
      const heap = nodes.map(([type, name, size], o): NodeSpec => ({
        type: o === 0 ? 'synthetic' : type,
        name: o === 0 ? '' : name,
        id: 2 * o + 1,
        size: o === 0 ? 0 : size,
        edges: edges
          .filter(([from]) => from === o)
          .map(([, edgeType, nameIndex, to, ephemeron]): [string, string | number, number] => {
            // Now and then an internal edge named like V8's WeakMap table→value edges.
            if (edgeType === 'internal' && ephemeron === 0) {
              return ['internal', `${nameIndex} / part of key (Foo @${2 * to + 1}) -> value (Bar @${2 * to + 1}) pair in WeakMap (table @${2 * o + 1})`, to];
            }
            return [edgeType, edgeType === 'element' || edgeType === 'hidden' ? nameIndex : `p${nameIndex}`, to];
          }),
      }));
      return rooted ? withRootStructure(heap) : heap;
    });
  });
}

function load(nodes: NodeSpec[]): HeapAnalysis {
  return analyzeHeap(loadSnapshotBytes(Buffer.from(buildSnapshot(nodes))).graph);
}

/** Every node's retained size recomputed from the reference dominator tree and core's self sizes. */
function referenceRetained(a: HeapAnalysis, idom: number[]): number[] {
  const g = a.graph;
  const n = g.nodeCount;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let o = 0; o < n; o++) if (o !== g.rootOrdinal) children[idom[o]!]!.push(o);
  const retained = new Array<number>(n).fill(-1);
  const size = (o: number): number => {
    // The reference tree is small and acyclic (checked by the dominator property): recursion is fine here.
    if (retained[o]! < 0) retained[o] = a.selfSize[o]! + children[o]!.reduce((sum, c) => sum + size(c), 0);
    return retained[o]!;
  };
  return Array.from({ length: n }, (_, o) => size(o));
}

describe(`${GRAPHS} random heaps`, () => {
  test('dominators equal the naive dataflow reference', () => {
    fc.assert(
      fc.property(heapArbitrary(24), (nodes) => {
        const a = load(nodes);
        const expected = referenceDominators(a.graph, referenceEssentialEdges(a.graph));
        expect(Array.from(a.dominator)).toEqual(expected);
      }),
      { numRuns: GRAPHS, seed: SEED },
    );
  });

  test('retained size = self size + retained sizes of the dominated; the root retains every self size', () => {
    fc.assert(
      fc.property(heapArbitrary(24), (nodes) => {
        const a = load(nodes);
        const g = a.graph;
        const idom = referenceDominators(g, referenceEssentialEdges(g));
        expect(Array.from(a.retainedSize)).toEqual(referenceRetained(a, idom));
        // Unreachable nodes hang off the root too (DevTools), so the root holds everything.
        const selfTotal = Array.from(a.selfSize).reduce((sum, s) => sum + s, 0);
        expect(a.retainedSize[g.rootOrdinal]).toBe(selfTotal);
        // The shallow-size transfer moves bytes between nodes; it never creates or loses any.
        expect(selfTotal).toBe(Array.from(g.nodeSelfSize).reduce((sum, s) => sum + s, 0));
      }),
      { numRuns: GRAPHS, seed: SEED + 1 },
    );
  });

  test('orphans are categorised as rootCategory categorises each of them alone', () => {
    let orphanGroups = 0;
    fc.assert(
      fc.property(heapArbitrary(24), (nodes) => {
        const a = load(nodes);
        // As many samples as nodes: every member is listed.
        for (const group of findOrphans(a, { samples: a.graph.nodeCount })) {
          orphanGroups++;
          expect(group.samples).toHaveLength(group.count);
          const expected = new Map<string, number>();
          for (const o of group.samples) expected.set(rootCategory(a, o), (expected.get(rootCategory(a, o)) ?? 0) + 1);
          expect(new Map(group.categories.map((c) => [c.category, c.count]))).toEqual(expected);
        }
      }),
      { numRuns: GRAPHS, seed: SEED + 3 },
    );
    expect(orphanGroups).toBeGreaterThan(GRAPHS / 20);
  });

  test('larger heaps (up to 200 nodes) agree with the reference too', () => {
    fc.assert(
      fc.property(heapArbitrary(200), (nodes) => {
        const a = load(nodes);
        const expected = referenceDominators(a.graph, referenceEssentialEdges(a.graph));
        expect(Array.from(a.dominator)).toEqual(expected);
      }),
      { numRuns: Math.ceil(GRAPHS / 10), seed: SEED + 2 },
    );
  });
});

describe('hand-picked shapes', () => {
  const dominatorsOf = (nodes: NodeSpec[]): number[] => Array.from(load(nodes).dominator);
  const obj = (id: number, edges: NodeSpec['edges'] = []): NodeSpec => ({ type: 'object', name: 'Foo', id, size: 10, edges });

  test('a node held only through a weak edge hangs off the root, and so does what only it holds', () => {
    // root -> 1 -weak-> 2 -> 3
    expect(dominatorsOf([
      { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'g', 1]] },
      obj(3, [['weak', 'w', 2]]),
      obj(5, [['property', 'p', 3]]),
      obj(7),
    ])).toEqual([0, 0, 0, 2]);
  });

  test('a cycle that nothing else holds is dominated by the root, its edges retaining nothing', () => {
    // root -> 1; 2 <-> 3 (unreachable), 3 -> 1
    expect(dominatorsOf([
      { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'g', 1]] },
      obj(3),
      obj(5, [['property', 'a', 3]]),
      obj(7, [['property', 'b', 2], ['property', 'c', 1]]),
    ])).toEqual([0, 0, 0, 0]);
  });

  test('self loops retain nothing', () => {
    expect(dominatorsOf([
      { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'g', 1]] },
      obj(3, [['property', 'self', 1], ['property', 'next', 2]]),
      obj(5, [['property', 'self', 2]]),
    ])).toEqual([0, 0, 1]);
  });
});
