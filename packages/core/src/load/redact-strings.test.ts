import { describe, expect, test } from 'vitest';
import { HeapGraph } from '../graph/heap-graph.js';
import { redactNameParts } from './redact-name-parts.js';
import { redactedString, redactStringValues } from './redact-strings.js';

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native',
  'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

interface Spec {
  type: string;
  name: string;
  /** [edge type, name, target ordinal] */
  edges?: [string, string, number][];
}

/** A graph from a node list: edge names go into the strings table. */
function graph(nodes: Spec[]): HeapGraph {
  const strings: string[] = [];
  const intern = (s: string): number => {
    const i = strings.indexOf(s);
    return i >= 0 ? i : strings.push(s) - 1;
  };
  const edges = nodes.flatMap((n) => n.edges ?? []);
  const firstEdgeIndex = new Uint32Array(nodes.length + 1);
  nodes.forEach((n, o) => { firstEdgeIndex[o + 1] = firstEdgeIndex[o]! + (n.edges?.length ?? 0); });
  return new HeapGraph({
    nodeTypes: NODE_TYPES,
    edgeTypes: EDGE_TYPES,
    strings,
    nodes: {
      nodeType: Uint8Array.from(nodes, (n) => NODE_TYPES.indexOf(n.type)),
      nodeNameIndex: Uint32Array.from(nodes, (n) => intern(n.name)),
      nodeId: Uint32Array.from(nodes, (_, o) => 2 * o + 1),
      nodeSelfSize: new Uint32Array(nodes.length).fill(16),
      firstEdgeIndex,
      detachedness: new Uint8Array(0),
    },
    edges: {
      edgeType: Uint8Array.from(edges, ([t]) => EDGE_TYPES.indexOf(t)),
      edgeNameOrIndex: Uint32Array.from(edges, ([, name]) => intern(name)),
      edgeToOrdinal: Uint32Array.from(edges, ([, , to]) => to),
    },
  });
}

const cons = (first: number, second: number): Spec =>
  ({ type: 'concatenated string', name: '(concatenated string)', edges: [['internal', 'first', first], ['internal', 'second', second]] });

describe('redactStringValues', () => {
  test('a concatenated string gets the stand-in of its whole value, as a flat string of that value would', () => {
    const g = graph([
      { type: 'synthetic', name: '' },
      { type: 'string', name: 'Bearer ' },
      { type: 'string', name: 'secret-token' },
      cons(1, 2),
      { type: 'string', name: 'Bearer secret-token' },
      cons(3, 2), // a part that is itself concatenated
    ]);
    redactStringValues(g);
    expect(g.nodeName(3)).toBe(redactedString('Bearer secret-token'));
    expect(g.nodeName(4)).toBe(g.nodeName(3));
    expect(g.nodeName(5)).toBe(redactedString('Bearer secret-tokensecret-token'));
    expect(g.nodeName(1)).toBe(redactedString('Bearer '));
    // Edge names are the program's structure: they stay.
    expect(g.edgeName(0)).toBe('first');
  });

  test('names are matched by value: a strings table holding the placeholder twice (a damaged file)', () => {
    const g = graph([{ type: 'synthetic', name: '' }, { type: 'string', name: 'abc' }, { type: 'string', name: 'def' }, cons(1, 2)]);
    g.nodeNameIndex[3] = g.strings.push('(concatenated string)') - 1;
    redactStringValues(g);
    expect(g.nodeName(3)).toBe(redactedString('abcdef'));
  });

  test('a 300,000-deep chain of `+=` is redacted in one pass (rebuilding each value would be quadratic)', () => {
    const depth = 300_000;
    const nodes: Spec[] = [{ type: 'synthetic', name: '' }, { type: 'string', name: 'x' }];
    for (let i = 0; i < depth; i++) nodes.push(cons(nodes.length - 1, 1));
    const g = graph(nodes);
    redactStringValues(g);
    expect(g.nodeName(nodes.length - 1)).toBe(redactedString('x'.repeat(depth + 1)));
    expect(g.nodeName(2)).toBe(redactedString('xx'));
  }, 60_000);

  test('a cycle of concatenated strings (a damaged file) ends, counting the repeated part as empty', () => {
    const g = graph([{ type: 'synthetic', name: '' }, { type: 'string', name: 'abc' }, cons(1, 3), cons(2, 1)]);
    redactStringValues(g);
    expect(g.nodeName(2)).toMatch(/^<string len=\d+ #[0-9a-f]{8}>$/);
    expect(g.nodeName(3)).toMatch(/^<string len=\d+ #[0-9a-f]{8}>$/);
  });

  test('regexp sources, numbers, symbols and bigints named by value are redacted; structure stays', () => {
    const g = graph([
      { type: 'synthetic', name: '' },
      { type: 'regexp', name: 'secret[0-9]+' },
      { type: 'number', name: 'heap number' },
      { type: 'number', name: '73519.8642' },
      { type: 'symbol', name: 'symbol' },
      { type: 'symbol', name: 'my secret description' },
      { type: 'bigint', name: 'bigint' },
      { type: 'bigint', name: '12345678901234567890' },
      { type: 'object', name: 'SessionStore' },
      { type: 'closure', name: 'onRequest' },
      { type: 'sliced string', name: '(sliced string)' },
      { type: 'native', name: '<div id="user-4411" class="card">' },
      { type: 'object', name: 'Window / https://app.example/reset?token=s3cr3t#frag' },
    ]);
    redactStringValues(g);
    const names = Array.from({ length: g.nodeCount }, (_, o) => g.nodeName(o));
    expect(names[1]).toBe(redactedString('secret[0-9]+'));
    expect(names.slice(2, 11)).toEqual([
      'heap number', redactedString('73519.8642'), 'symbol', redactedString('my secret description'), 'bigint',
      redactedString('12345678901234567890'), 'SessionStore', 'onRequest', '(sliced string)',
    ]);
    expect(names[11]).toBe(`<div id="${redactedString('user-4411')}" class="${redactedString('card')}">`);
    expect(names[12]).toBe(`Window / https://app.example/reset?${redactedString('token=s3cr3t#frag')}`);
  });
});

describe('redactNameParts', () => {
  const r = (value: string): string => `[${value.length}]`;

  test('keeps tags and attribute names, replaces attribute values', () => {
    expect(redactNameParts('<div>', true, r)).toBe('<div>');
    expect(redactNameParts('<div id="board">', true, r)).toBe('<div id="[5]">');
    expect(redactNameParts('<div class="card" data-card="12">', true, r)).toBe('<div class="[4]" data-card="[2]">');
  });

  test('an element name that does not parse keeps only its tag', () => {
    // A value with a quote in it: where it ends cannot be told, so nothing after the tag is kept.
    expect(redactNameParts('<a title="say "hi" x="y">', true, r)).toBe('<a [21]>');
    expect(redactNameParts('<p>text', true, r)).toBe('<p [4]>');
  });

  test('only native nodes are read as elements', () => {
    expect(redactNameParts('<div id="x">', false, r)).toBe('<div id="x">');
  });

  test('the query and fragment of every URL', () => {
    expect(redactNameParts('system / Script / http://127.0.0.1:45071/app.js', false, r)).toBe('system / Script / http://127.0.0.1:45071/app.js');
    expect(redactNameParts('Window / https://a.example/x?t=1 and file:///b.mjs#top', false, r))
      .toBe('Window / https://a.example/x?[3] and file:///b.mjs#[3]');
  });
});
