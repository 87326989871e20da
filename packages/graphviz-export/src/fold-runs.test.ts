import type { Subgraph, SubgraphNode } from '@heapdiff/core';
import { describe, expect, test } from 'vitest';
import { MAX_DRAWN_NODES } from './cap-nodes.js';
import { collapseChains } from './collapse-chains.js';
import { foldRun, isFolded, MAX_RUN_ITEMS } from './fold-runs.js';
import { graphFromRetainerPaths, type RetainerPathStep } from './from-paths.js';
import { graphFromSubgraph } from './from-subgraph.js';
import { dotToLayoutJson, dotToSvg } from './render.js';
import { graphToDot, retainerPathsToDot } from './to-dot.js';

const CYCLE = ['.someMethod', '{context}', '->originalThing'];
const CLASSES = ['Function', 'system / Context', 'Thing'];

/** The closure chain's retainer path: global → Thing, then `turns` times the three-step cycle. */
function closureChainPath(turns: number, firstId = 1000): RetainerPathStep[] {
  const path: RetainerPathStep[] = [{ nodeId: 1, name: 'global', type: 'object', edge: null, edgeType: null }];
  let id = firstId;
  path.push({ nodeId: id++, name: 'Thing', type: 'object', edge: 'theThing', edgeType: 'context' });
  for (let t = 0; t < turns; t++) {
    path.push({ nodeId: id++, name: 'someMethod', className: 'Function', type: 'closure', edge: 'someMethod', edgeType: 'property' });
    path.push({ nodeId: id++, name: 'system / Context', type: 'object', edge: 'context', edgeType: 'internal' });
    path.push({ nodeId: id++, name: 'Thing', type: 'object', edge: 'originalThing', edgeType: 'context' });
  }
  return path;
}

/** Height and width in points of the SVG Graphviz draws. */
function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*width="([\d.]+)pt"[^>]*height="([\d.]+)pt"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

describe('foldRun', () => {
  test('a cycle repeated many times keeps its first and last turn around one box', () => {
    const shapes = Array.from({ length: 3 * 2000 }, (_, i) => `${CYCLE[i % 3]} → ${CLASSES[i % 3]}`);
    const edges = Array.from({ length: 3 * 2000 }, (_, i) => CYCLE[i % 3]!);
    const items = foldRun(shapes, edges);
    expect(items).toHaveLength(7);
    expect(items[3]).toEqual({ from: 3, to: 3 * 1999, text: '… ×1,998 (.someMethod → {context} → ->originalThing)' });
    expect(items.filter((i) => !isFolded(i))).toEqual([0, 1, 2, 5997, 5998, 5999].map((step) => ({ step })));
  });

  test('a long run without repeats keeps its head and tail', () => {
    const shapes = Array.from({ length: 1000 }, (_, i) => `.p${i} → C${i}`);
    const items = foldRun(shapes, shapes);
    expect(items).toHaveLength(MAX_RUN_ITEMS);
    expect(items[4]).toEqual({ from: 4, to: 1000 - 8, text: '⋮ 988 more steps' });
  });

  test('a short run is left alone', () => {
    const shapes = ['.a → A', '.b → B', '.a → A'];
    expect(foldRun(shapes, shapes)).toEqual([{ step: 0 }, { step: 1 }, { step: 2 }]);
  });
});

describe('drawings of long chains', () => {
  test('a 2,000-turn closure chain is drawn as a few boxes that Graphviz lays out (it overflowed its stack)', async () => {
    // Three members of the chain, as `leaks --graph` draws the paths of a group.
    const paths = [closureChainPath(2000), closureChainPath(1990), closureChainPath(10)];
    const graph = graphFromRetainerPaths(paths);
    expect(graph.order).toBeLessThan(40);
    const dot = retainerPathsToDot(paths);
    expect(dot).toContain('… ×1,998 (.someMethod → {context} → ->originalThing)');
    const { height } = svgSize(await dotToSvg(dot));
    expect(height).toBeLessThan(2000);
  });

  test('a straight run in an extracted subgraph folds too; branches and start objects stay', () => {
    // Start @1 held by a chain of 500 `.next` links up to the global object, and by @2 directly.
    const node = (id: number, over: Partial<SubgraphNode> = {}): SubgraphNode => ({
      ordinal: id, id, type: 'object', name: 'Link', className: 'Link', selfSize: 16, retainedSize: 16, distance: 1,
      depth: 1, start: false, gcRoot: false, global: false, expanded: true, truncated: 0, ...over,
    });
    const nodes = [node(1, { start: true, depth: 0, className: 'Leak' }), node(2, { className: 'Other' })];
    const edges = [{ from: 2, to: 1, fromOrdinal: 2, toOrdinal: 1, name: 'leak', type: 'property', count: 1 }];
    for (let d = 1; d <= 500; d++) {
      nodes.push(node(100 + d, { depth: d, global: d === 500 }));
      const held = d === 1 ? 1 : 100 + d - 1;
      edges.push({ from: 100 + d, to: held, fromOrdinal: 100 + d, toOrdinal: held, name: 'next', type: 'property', count: 1 });
    }
    const sub: Subgraph = {
      direction: 'retainers', maxDepth: 500, tooMany: 10, includeWeak: false, startIds: [1], nodes, edges, nodeLimitReached: false,
    };
    const collapsed = collapseChains(graphFromSubgraph(sub));
    expect(collapsed.order).toBeLessThan(15);
    expect(collapsed.hasNode('1') && collapsed.hasNode('2') && collapsed.hasNode('600')).toBe(true);
    const folded = collapsed.filterNodes((_, a) => a.folded !== undefined);
    expect(folded.map((k) => collapsed.getNodeAttribute(k, 'folded'))).toEqual(['… ×497 (.next → Link)']);
  });

  test('at most MAX_DRAWN_NODES objects are drawn, and the caption says how many were left out', async () => {
    // 2,000 distinct retainers of one object, each held by the global object: nothing to fold.
    const paths = Array.from({ length: 2000 }, (_, i): RetainerPathStep[] => [
      { nodeId: 1, name: 'global', type: 'object' },
      { nodeId: 10 + i, name: `Holder${i}`, type: 'object', edge: `h${i}`, edgeType: 'property' },
      { nodeId: 5, name: 'Leak', type: 'object', edge: 'leak', edgeType: 'property' },
    ]);
    const dot = retainerPathsToDot(paths, { title: 'Many holders' });
    const json = (await dotToLayoutJson(dot)) as { objects: unknown[] };
    expect(json.objects).toHaveLength(MAX_DRAWN_NODES);
    expect(dot).toContain(`label="Many holders — ${(2002 - MAX_DRAWN_NODES).toLocaleString('en-US')} more objects not drawn"`);
  });
});
