// Bounded subgraph extraction (objgraph's show_backrefs / show_refs walk) on snapshots built node
// by node: depth and --too-many limits, weak edges, and the stops at GC roots and the global object.
import { describe, expect, test } from 'vitest';
import {
  analyzeHeap, extractSubgraph, HeapdiffError, loadSnapshotBytes, ordinalsOfIds, sampleClassInstances,
  type HeapAnalysis, type Subgraph,
} from '@heapdiff/core';
import { graphFromSubgraph, graphToDot, dotToLayoutJson } from '@heapdiff/graphviz-export';
import { graphFromColumns } from './helpers/graph-from-columns.js';
import { buildSnapshot, type NodeSpec } from './helpers/snapshot-builder.js';
import { EDGE_TYPES, NODE_TYPES } from './helpers/tiny-snapshot.js';

const FANS = 12;
const FAN0 = 7;
const CHAIN0 = FAN0 + FANS;

/**
 * root → (GC roots) → Holder;  root → global → Holder → Array → Leaky (twice: [0] and [1]);
 * Holder → Cache ⇢ Leaky (weak);  12 unreachable Fan objects → Leaky;  Leaky → C1 → C2 → C3 → C4.
 */
function heap(): HeapAnalysis {
  const nodes: NodeSpec[] = [
    { type: 'synthetic', name: '', id: 1, size: 0, edges: [['element', 1, 1], ['shortcut', 'global', 2]] },
    { type: 'synthetic', name: '(GC roots)', id: 3, size: 0, edges: [['element', 1, 3]] },
    { type: 'object', name: 'global', id: 5, size: 100, edges: [['property', 'holder', 3]] },
    { type: 'object', name: 'Holder', id: 7, size: 20, edges: [['property', 'items', 4], ['property', 'cache', 6]] },
    { type: 'object', name: 'Array', id: 9, size: 30, edges: [['element', 0, 5], ['element', 1, 5]] },
    { type: 'object', name: 'Leaky', id: 11, size: 40, edges: [['property', 'next', CHAIN0]] },
    { type: 'object', name: 'Cache', id: 13, size: 10, edges: [['weak', 'w', 5]] },
  ];
  for (let i = 0; i < FANS; i++) {
    nodes.push({ type: 'object', name: 'Fan', id: 101 + 2 * i, size: 10 + i, edges: [['property', 'ref', 5]] });
  }
  for (let i = 0; i < 4; i++) {
    const edges: NodeSpec['edges'] = i < 3 ? [['property', 'next', CHAIN0 + i + 1]] : [];
    nodes.push({ type: 'object', name: `C${i + 1}`, id: 201 + 2 * i, size: 8, edges });
  }
  return analyzeHeap(loadSnapshotBytes(new TextEncoder().encode(buildSnapshot(nodes))).graph);
}

const LEAKY = 11;
const byId = (s: Subgraph, id: number) => s.nodes.find((n) => n.id === id);
const edgeNames = (s: Subgraph) => s.edges.map((e) => `${e.from}-${e.name}->${e.to}`).sort();

describe('extractSubgraph, retainers', () => {
  const a = heap();
  const start = ordinalsOfIds(a.graph, [LEAKY]);

  test('walks breadth first up to maxDepth and stops at the global object and GC roots', () => {
    const s = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 3 });
    expect(byId(s, LEAKY)).toMatchObject({ depth: 0, start: true, className: 'Leaky', selfSize: 40 });
    expect(byId(s, 9)).toMatchObject({ depth: 1 });
    expect(byId(s, 7)).toMatchObject({ depth: 2 });
    expect(byId(s, 5)).toMatchObject({ depth: 3, global: true, expanded: false });
    expect(byId(s, 3)).toMatchObject({ depth: 3, gcRoot: true, expanded: false });
    expect(byId(s, 1)).toBeUndefined(); // the synthetic root lies behind both stops
    expect(s.edges).toContainEqual(expect.objectContaining({ from: 9, to: LEAKY, name: '0', type: 'element', count: 2 }));
    expect(s.edges).toContainEqual(expect.objectContaining({ from: 7, to: 9, name: 'items', type: 'property', count: 1 }));
    expect(s.nodes.every((n) => n.depth <= 3)).toBe(true);
  });

  test('stops at the global object however deep it may go', () => {
    const s = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 50, tooMany: 100 });
    expect(byId(s, 1)).toBeUndefined();
    expect(Math.max(...s.nodes.map((n) => n.depth))).toBe(3);
  });

  test('maxDepth 0 is the start objects alone', () => {
    const s = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 0 });
    expect(s.nodes.map((n) => n.id)).toEqual([LEAKY]);
    expect(s.edges).toEqual([]);
  });

  test('tooMany keeps the retainers closest to a root and counts the rest', () => {
    const s = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 1, tooMany: 4 });
    const shown = s.edges.map((e) => e.from);
    expect(shown).toHaveLength(4);
    expect(shown[0]).toBe(9); // the Array: reachable, unlike the Fans
    expect(byId(s, LEAKY)!.truncated).toBe(1 + FANS - 4);
  });

  test('weak edges are skipped unless asked for', () => {
    const strong = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 1, tooMany: 100 });
    expect(byId(strong, 13)).toBeUndefined();
    const weak = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 1, tooMany: 100, includeWeak: true });
    expect(weak.edges).toContainEqual(expect.objectContaining({ from: 13, to: LEAKY, name: 'w', type: 'weak', count: 1 }));
    // Weak retainers rank last.
    expect(weak.edges.at(-1)!.type).toBe('weak');
  });

  test('maxNodes cuts the walk short and says so', () => {
    const s = extractSubgraph(a, start, { direction: 'retainers', maxDepth: 3, tooMany: 100, maxNodes: 5 });
    expect(s.nodes).toHaveLength(5);
    expect(s.nodeLimitReached).toBe(true);
  });
});

describe('extractSubgraph, references', () => {
  const a = heap();

  test('follows outgoing edges, edges still point from holder to held', () => {
    const s = extractSubgraph(a, ordinalsOfIds(a.graph, [LEAKY]), { direction: 'references', maxDepth: 3 });
    expect(s.nodes.map((n) => n.className)).toEqual(['Leaky', 'C1', 'C2', 'C3']);
    expect(edgeNames(s)).toEqual(['11-next->201', '201-next->203', '203-next->205']);
  });

  test('a start object that is the global object is expanded anyway', () => {
    const s = extractSubgraph(a, ordinalsOfIds(a.graph, [5]), { direction: 'references', maxDepth: 1 });
    expect(edgeNames(s)).toEqual(['5-holder->7']);
  });

  test('largest retained size first', () => {
    const s = extractSubgraph(a, ordinalsOfIds(a.graph, [7]), { direction: 'references', maxDepth: 1, tooMany: 1 });
    expect(edgeNames(s)).toEqual(['7-items->9']);
    expect(byId(s, 7)!.truncated).toBe(1);
  });
});

describe('start objects', () => {
  const a = heap();

  test('ids resolve in order, repeats once; an unknown id is E_NODE_NOT_FOUND', () => {
    expect(ordinalsOfIds(a.graph, [LEAKY, 9, LEAKY])).toEqual([5, 4]);
    expect(() => ordinalsOfIds(a.graph, [12345])).toThrow(expect.objectContaining({ code: 'E_NODE_NOT_FOUND' }));
  });

  test('a class sample takes the largest retained sizes first', () => {
    const sample = sampleClassInstances(a, 'Fan', 3);
    expect(sample.map((o) => a.graph.nodeId[o])).toEqual([101 + 2 * 11, 101 + 2 * 10, 101 + 2 * 9]);
    expect(sampleClassInstances(a, 'Fan', 100)).toHaveLength(FANS);
  });

  test('an unknown class or a bad option is a typed error', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof HeapdiffError ? error.code : 'untyped';
      }
      return undefined;
    };
    expect(codeOf(() => sampleClassInstances(a, 'fan', 3))).toBe('E_INVALID_OPTION');
    expect(codeOf(() => extractSubgraph(a, [5], { direction: 'retainers', tooMany: 0 }))).toBe('E_INVALID_OPTION');
    expect(codeOf(() => extractSubgraph(a, [5], { direction: 'retainers', maxDepth: -1 }))).toBe('E_INVALID_OPTION');
  });
});

describe('objects a damaged snapshot gives one id', () => {
  /**
   * root → global @3 → Twin @9 (twice: two objects, one id) → Target @11, built from columns (a
   * file with repeated ids is refused at load; drawings must not depend on that).
   */
  function twins(): HeapAnalysis {
    const strings = ['', 'global', 'Twin', 'Target', 'a', 'b', 'target'];
    const node = (type: string) => NODE_TYPES.indexOf(type);
    const edge = (type: string) => EDGE_TYPES.indexOf(type);
    // ordinals: 0 root, 1 global, 2 Twin, 3 Twin, 4 Target
    return analyzeHeap(graphFromColumns({
      strings,
      nodeType: Uint8Array.from([node('synthetic'), node('object'), node('object'), node('object'), node('object')]),
      nodeNameIndex: Uint32Array.from([0, 1, 2, 2, 3]),
      nodeId: Uint32Array.from([1, 3, 9, 9, 11]),
      nodeSelfSize: Uint32Array.from([0, 16, 16, 16, 16]),
      firstEdgeIndex: Uint32Array.from([0, 1, 3, 4, 5, 5]),
      edgeType: Uint8Array.from([edge('shortcut'), edge('property'), edge('property'), edge('property'), edge('property')]),
      edgeNameOrIndex: Uint32Array.from([1, 4, 5, 6, 6]),
      edgeToOrdinal: Uint32Array.from([1, 2, 3, 4, 4]),
    }));
  }

  test.each(['retainers', 'references'] as const)('%s: both drawn, keyed apart, and the DOT lays out', async (direction) => {
    const a = twins();
    const start = direction === 'retainers' ? 4 : 1;
    const sub = extractSubgraph(a, [start], { direction, maxDepth: 3 });
    expect(sub.nodes.filter((n) => n.id === 9).map((n) => n.ordinal).sort()).toEqual([2, 3]);
    const graph = graphFromSubgraph(sub);
    expect(graph.order).toBe(sub.nodes.length);
    expect(graph.size).toBe(sub.edges.length);
    const json = (await dotToLayoutJson(graphToDot(graph))) as { objects: { label?: string }[]; edges: unknown[] };
    expect(json.objects).toHaveLength(sub.nodes.length);
    expect(json.edges).toHaveLength(sub.edges.length);
  });
});

describe('references without builtins', () => {
  /** Holder @3 → items Array @5, __proto__ → Proto @7, map → shape @9, code @11; Proto → method @13. */
  function withBuiltins(): HeapAnalysis {
    const nodes: NodeSpec[] = [
      { type: 'synthetic', name: '', id: 1, size: 0, edges: [['shortcut', 'holder', 1]] },
      { type: 'object', name: 'Holder', id: 3, size: 16, edges: [['property', 'items', 2], ['property', '__proto__', 3], ['internal', 'map', 4], ['internal', 'code', 5]] },
      { type: 'object', name: 'Array', id: 5, size: 16 },
      { type: 'object', name: 'Object', id: 7, size: 16, edges: [['property', 'method', 6]] },
      { type: 'object shape', name: 'system / Map', id: 9, size: 16 },
      { type: 'code', name: '(code)', id: 11, size: 16 },
      { type: 'closure', name: 'method', id: 13, size: 16 },
    ];
    return analyzeHeap(loadSnapshotBytes(new TextEncoder().encode(buildSnapshot(nodes))).graph);
  }

  test('leave out prototypes, hidden classes and engine internals unless asked for', () => {
    const a = withBuiltins();
    const start = ordinalsOfIds(a.graph, [3]);
    const plain = extractSubgraph(a, start, { direction: 'references', maxDepth: 2 });
    expect(edgeNames(plain)).toEqual(['3-items->5']);
    expect(plain.nodes.find((n) => n.id === 3)!.truncated).toBe(0);
    const all = extractSubgraph(a, start, { direction: 'references', maxDepth: 2, includeBuiltins: true });
    expect(edgeNames(all)).toEqual(['3-__proto__->7', '3-code->11', '3-items->5', '3-map->9', '7-method->13']);
  });

  test('retainers are walked as they are', () => {
    const a = withBuiltins();
    const s = extractSubgraph(a, ordinalsOfIds(a.graph, [13]), { direction: 'retainers', maxDepth: 3 });
    expect(edgeNames(s)).toContain('7-method->13');
    expect(edgeNames(s)).toContain('3-__proto__->7');
  });
});
