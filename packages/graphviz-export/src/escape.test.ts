import { truncate, visible, type Subgraph, type SubgraphNode } from '@heapdiff/core';
import { describe, expect, test } from 'vitest';
import { dotString, htmlText } from './escape.js';
import { graphFromSubgraph } from './from-subgraph.js';
import { dotToLayoutJson, dotToSvg } from './render.js';
import { graphToDot } from './to-dot.js';

/** Names a hostile (or just unlucky) program can put into its heap. */
const HOSTILE = [
  '"]; n666 [label="pwned"]; n1 -> n666; x [label="',
  '</B><TABLE><TR><TD>injected</TD></TR></TABLE>',
  '>; n667 [label=<pwned>',
  String.raw`\N \G \E \l \r \n \\ end\\`,
  'two\nlines\r\tand a bell \u0007 and ESC \u001b[31mred',
  '&lt;script&gt; &amp; &#60; &',
  'right-to-left \u202e override, line sep \u2028',
  'lone surrogate \ud800 here',
  "quote ' and \" and `",
  '}',
];

describe('escaping primitives', () => {
  test('visible() turns control characters into escapes and keeps the rest', () => {
    expect(visible('a\nb\tc\u0000\u001b\u007f\u202e')).toBe('a\\nb\\tc\\u0000\\u001b\\u007f\\u202e');
    expect(visible('héllo 🦀')).toBe('héllo 🦀');
    expect(visible('x\udc00y')).toBe('x\ufffdy');
  });

  test('dotString() escapes quotes, backslashes and entities', () => {
    expect(dotString('a"b\\c&d')).toBe('"a\\"b\\\\c&amp;d"');
    expect(dotString('end\\')).toBe('"end\\\\"');
  });

  test('htmlText() escapes markup', () => {
    expect(htmlText(`<b> & "x" 'y'`)).toBe('&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;');
    expect(htmlText('\\N')).toBe('\\\\N');
  });

  test('truncate() counts code points and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 3)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('🦀🦀🦀🦀', 2)).toBe('🦀🦀…');
  });
});

const node = (id: number, name: string, over: Partial<SubgraphNode> = {}): SubgraphNode => ({
  ordinal: id, id, type: 'object', name, className: name, selfSize: 8, retainedSize: 8, distance: 1,
  depth: 1, start: false, gcRoot: false, global: false, expanded: false, truncated: 0, ...over,
});

/** A start object retained by one object per hostile name, over an edge with that name, plus hostile strings. */
function hostileGraph(): Subgraph {
  const nodes = [node(1, 'Start', { depth: 0, start: true, expanded: true })];
  const edges = [];
  HOSTILE.forEach((name, i) => {
    nodes.push(node(10 + i, name));
    edges.push({ from: 10 + i, to: 1, fromOrdinal: 10 + i, toOrdinal: 1, name, type: i % 2 ? 'context' : 'property', count: 1 });
    nodes.push(node(100 + i, name, { type: 'string', className: '(string)' }));
    edges.push({ from: 1, to: 100 + i, fromOrdinal: 1, toOrdinal: 100 + i, name: `s${i}`, type: 'property', count: 1 });
  });
  return { direction: 'retainers', maxDepth: 3, tooMany: 10, includeWeak: false, startIds: [1], nodes, edges, nodeLimitReached: false };
}

/** The text Graphviz drew, entities decoded. */
function svgTexts(svg: string): string {
  const decode = (s: string): string => s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([\da-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!)).join('\n');
}

describe('hostile heap strings in a graph', () => {
  const dot = graphToDot(graphFromSubgraph(hostileGraph()), { title: HOSTILE[3] });

  test('the DOT file has no raw control characters and one statement per line', () => {
    expect(dot).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\u202e]/);
    const statements = dot.split('\n').filter((l) => l.startsWith('  '));
    // 3 defaults + (1 + 2 per hostile name) nodes + 2 per hostile name edges.
    expect(statements).toHaveLength(3 + 1 + 4 * HOSTILE.length);
  });

  test('Graphviz sees exactly our nodes and edges: nothing was injected', async () => {
    const json = (await dotToLayoutJson(dot)) as { objects: { name: string }[]; edges: unknown[] };
    const expected = ['n1', ...HOSTILE.flatMap((_, i) => [`n${10 + i}`, `n${100 + i}`])];
    expect(json.objects.map((o) => o.name).sort()).toEqual(expected.sort());
    expect(json.edges).toHaveLength(2 * HOSTILE.length);
  });

  test('every name is drawn literally (control characters as visible escapes)', async () => {
    const drawn = svgTexts(await dotToSvg(dot));
    HOSTILE.forEach((name, i) => {
      const shown = visible(truncate(name, 40));
      expect(drawn, name).toContain(`${visible(truncate(name, 60))}\n\u00a0@${10 + i}`); // class name, then the id
      expect(drawn, name).toContain(`"${shown}"`); // string preview
      if (i % 2) expect(drawn, name).toContain(`${shown} (context var)`); // edge label
    });
    expect(drawn).toContain(visible(HOSTILE[3]!)); // the caption
    expect(drawn).not.toContain('pwned\n');
  });
});
