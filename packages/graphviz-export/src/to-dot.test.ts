import type { Subgraph, SubgraphEdge, SubgraphNode } from '@heapdiff/core';
import { describe, expect, test } from 'vitest';
import { graphFromSubgraph } from './from-subgraph.js';
import { dotToLayoutJson, dotToSvg } from './render.js';
import { graphToDot } from './to-dot.js';

const node = (id: number, over: Partial<SubgraphNode> = {}): SubgraphNode => ({
  ordinal: id, id, type: 'object', name: 'Foo', className: 'Foo', selfSize: 32, retainedSize: 64, distance: 3,
  depth: 0, start: false, gcRoot: false, global: false, expanded: true, truncated: 0, label: null, ...over,
});
const edge = (from: number, to: number, name: string, type = 'property', count = 1): SubgraphEdge =>
  ({ from, to, fromOrdinal: from, toOrdinal: to, name, type, count });

/** LeakyRequest @1 <-[0]- Array @2 <-leakedRequests- Object @3 <-holder- global @4, plus a weak ref and a GC root. */
function leakGraph(): Subgraph {
  return {
    direction: 'retainers', maxDepth: 3, tooMany: 10, includeWeak: true, startIds: [1], nodeLimitReached: false,
    nodes: [
      node(1, { name: 'LeakyRequest', className: 'LeakyRequest', start: true }),
      node(2, { name: 'Array', className: 'Array', depth: 1, truncated: 12 }),
      node(6, { name: 'WeakRef', className: 'WeakRef', depth: 1 }),
      node(3, { name: 'Object', className: 'Object', depth: 2 }),
      node(4, { name: 'global', className: 'global', depth: 3, global: true, expanded: false }),
      node(5, { type: 'synthetic', name: '(Handle scope)', className: '(synthetic)', depth: 3, gcRoot: true, expanded: false }),
    ],
    edges: [
      edge(2, 1, '0', 'element', 3),
      edge(6, 1, 'target', 'weak'),
      edge(3, 2, 'leakedRequests'),
      edge(4, 3, 'holder'),
      edge(5, 3, '7', 'internal'),
    ],
  };
}

/** `"n2" -> "n1" [label="[0] +2"];` → the attribute text of that statement. */
function statement(dot: string, head: string): string | undefined {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`${head} [`));
  return line?.slice(line.indexOf('[') + 1, line.lastIndexOf(']'));
}

describe('graphToDot', () => {
  test('draws every node and edge in heap direction, with objgraph-style labels', () => {
    const dot = graphToDot(graphFromSubgraph(leakGraph()));
    expect(dot.startsWith('digraph heapdiff {')).toBe(true);
    for (const id of [1, 2, 3, 4, 5, 6]) expect(statement(dot, `"n${id}"`)).toMatch(/^label=<.*@\d+/);
    expect(statement(dot, '"n2" -> "n1"')).toContain('label="[0] +2"');
    expect(statement(dot, '"n3" -> "n2"')).toContain('label="leakedRequests"');
    expect(statement(dot, '"n5" -> "n3"')).toContain('label="[7]"');
    expect(statement(dot, '"n1"')).toContain('<B>LeakyRequest</B>&#160;@1');
    expect(statement(dot, '"n1"')).toContain('self 32 B, retained 64 B');
    expect(statement(dot, '"n5"')).toContain('<B>(Handle scope)</B>');
  });

  test('start objects red, GC roots and globals green, highlighted nodes blue, depth darkens', () => {
    const dot = graphToDot(graphFromSubgraph(leakGraph()), { highlight: /^Array/ });
    expect(statement(dot, '"n1"')).toContain('fontcolor=red');
    expect(statement(dot, '"n1"')).toContain('fillcolor="0,0,1"');
    expect(statement(dot, '"n4"')).toMatch(/fillcolor="0\.3,1,/);
    expect(statement(dot, '"n5"')).toMatch(/fillcolor="0\.3,1,/);
    expect(statement(dot, '"n2"')).toMatch(/fillcolor="0\.6,0\.6,/);
    expect(statement(dot, '"n3"')).toContain('fillcolor="0,0,0.533"');
    expect(statement(dot, '"n4"')).toContain('fontcolor=white');
  });

  test('truncated neighbours become an "N more" box with a dotted red edge; weak edges are dashed', () => {
    const dot = graphToDot(graphFromSubgraph(leakGraph()));
    expect(statement(dot, '"more2"')).toContain('label="12 more retainers"');
    expect(statement(dot, '"more2" -> "n2"')).toContain('color=red, style=dotted');
    expect(statement(dot, '"n6" -> "n1"')).toContain('style=dashed');
    const refs = graphToDot(graphFromSubgraph({ ...leakGraph(), direction: 'references' }));
    expect(statement(refs, '"n2" -> "more2"')).toContain('color=red, style=dotted');
    expect(statement(refs, '"more2"')).toContain('12 more references');
  });

  test('Graphviz parses the DOT: one object per node and box, one edge per reference', async () => {
    const json = (await dotToLayoutJson(graphToDot(graphFromSubgraph(leakGraph()), { title: 'Retainers of "LeakyRequest" @1' }))) as {
      objects: { name: string }[]; edges: unknown[];
    };
    expect(json.objects.map((o) => o.name).sort()).toEqual(['more2', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(json.edges).toHaveLength(6);
  });

  test("Node's global object under an inspector session (`global / `) is titled `global`, with no stray separator", () => {
    const graph = leakGraph();
    graph.nodes[4] = { ...graph.nodes[4]!, name: 'global / ', className: 'global / ' };
    const dot = graphToDot(graphFromSubgraph(graph));
    expect(statement(dot, '"n4"')).toContain('<B>global</B>&#160;@4');
  });

  test('--filter is applied before drawing', () => {
    const dot = graphToDot(graphFromSubgraph(leakGraph()), { filter: /Array|Object|global/ });
    expect(statement(dot, '"n6"')).toBeUndefined();
    expect(statement(dot, '"n5"')).toBeUndefined();
    expect(statement(dot, '"n4"')).toContain('global');
  });
});

describe('bounds and order', () => {
  test('a 1 MB class name is cut in the caption and the labels: Graphviz lays the DOT out', async () => {
    const huge = 'K'.repeat(1 << 20);
    const sub = leakGraph();
    sub.nodes[0] = { ...sub.nodes[0]!, name: huge, className: huge };
    const dot = graphToDot(graphFromSubgraph(sub), { title: `Retainers of ${huge} @1` });
    // Graphviz's quoted strings stop at 16,384 characters.
    for (const quoted of dot.match(/"(?:[^"\\]|\\.)*"/g)!) expect(quoted.length).toBeLessThan(16_384);
    expect(dot.length).toBeLessThan(20_000);
    expect(await dotToSvg(dot)).toContain('</svg>');
  });

  test('two objects a damaged snapshot gave one id stay two nodes', () => {
    const sub = leakGraph();
    // Ordinal 9, id 2: the same id as the Array, another object.
    sub.nodes.push(node(2, { ordinal: 9, name: 'Twin', className: 'Twin', depth: 1 }));
    sub.edges.push({ from: 2, to: 1, fromOrdinal: 9, toOrdinal: 1, name: 'twin', type: 'property', count: 1 });
    const graph = graphFromSubgraph(sub);
    expect(graph.order).toBe(7);
    expect(graph.getNodeAttribute('2-9', 'className')).toBe('Twin');
    expect(graph.getEdgeAttribute('2-9', '1', 'name')).toBe('twin');
    expect(graph.getEdgeAttribute('2', '1', 'name')).toBe('0');
  });

  /** Graphviz's y of each node (larger is higher up), by DOT name. */
  async function heights(dot: string): Promise<Map<string, number>> {
    const json = (await dotToLayoutJson(dot)) as { objects: { name: string; pos?: string }[] };
    return new Map(json.objects.filter((o) => o.pos).map((o) => [o.name, Number(o.pos!.split(',')[1])]));
  }

  test('the start object is at the bottom of a retainer graph and the top of a reference graph, cycles or not', async () => {
    // Start @1 is held by @2, which the global object @3 holds; @1 also holds @2 (a cycle).
    const cyclic = (direction: 'retainers' | 'references'): Subgraph => ({
      direction, maxDepth: 3, tooMany: 10, includeWeak: false, startIds: [1], nodeLimitReached: false,
      nodes: [node(1, { start: true }), node(2, { depth: 1 }), node(3, { depth: 2, global: direction === 'retainers' })],
      edges: direction === 'retainers'
        ? [edge(2, 1, 'held'), edge(1, 2, 'back'), edge(3, 2, 'holder')]
        : [edge(1, 2, 'holds'), edge(2, 1, 'back'), edge(2, 3, 'next')],
    });
    const back = await heights(graphToDot(graphFromSubgraph(cyclic('retainers'))));
    expect(back.get('n1')).toBeLessThan(Math.min(back.get('n2')!, back.get('n3')!));
    const refs = await heights(graphToDot(graphFromSubgraph(cyclic('references'))));
    expect(refs.get('n1')).toBeGreaterThan(Math.max(refs.get('n2')!, refs.get('n3')!));
  });
});
