import { describe, expect, test } from 'vitest';
import { graphFromRetainerPaths, type RetainerPathStep } from './from-paths.js';
import { dotToLayoutJson } from './render.js';
import { retainerPathsToDot } from './to-dot.js';

const step = (nodeId: number, name: string, edge: string | null, type = 'object', edgeType = 'property'): RetainerPathStep =>
  ({ nodeId, name, type, edge, edgeType: edge === null ? null : edgeType });

/** Two leaked objects held by the same array, as `heapdiff leaks --json` lists their paths. */
const PATHS: RetainerPathStep[][] = [
  [step(1, 'global', null), step(3, 'Object', '__heapdiffLeak'), step(5, 'Array', 'leakedRequests'), step(7, 'LeakyRequest', '0', 'object', 'element')],
  [step(1, 'global', null), step(3, 'Object', '__heapdiffLeak'), step(5, 'Array', 'leakedRequests'), step(9, 'LeakyRequest', '1', 'object', 'element')],
  [step(11, '(Handle scope)', null, 'synthetic'), step(9, 'LeakyRequest', '4', 'object', 'element')],
];

describe('graphFromRetainerPaths', () => {
  test('merges shared holders into one node and marks starts, globals and GC roots', () => {
    const g = graphFromRetainerPaths(PATHS);
    expect(g.order).toBe(6);
    expect(g.size).toBe(5);
    expect(g.getNodeAttributes('7')).toMatchObject({ start: true, depth: 0, className: 'LeakyRequest' });
    expect(g.getNodeAttributes('9')).toMatchObject({ start: true, depth: 0 });
    expect(g.getNodeAttributes('5')).toMatchObject({ start: false, depth: 1 });
    expect(g.getNodeAttributes('1')).toMatchObject({ global: true, gcRoot: false, depth: 3 });
    expect(g.getNodeAttributes('11')).toMatchObject({ global: false, gcRoot: true, depth: 1 });
    expect(g.getEdgeAttributes('5', '9')).toMatchObject({ name: '1', type: 'element' });
    expect(g.getAttribute('direction')).toBe('retainers');
  });

  test('retainerPathsToDot gives DOT that Graphviz lays out', async () => {
    const json = (await dotToLayoutJson(retainerPathsToDot(PATHS))) as { objects: unknown[]; edges: unknown[] };
    expect(json.objects).toHaveLength(6);
    expect(json.edges).toHaveLength(5);
  });

  test('no paths: an empty graph that still parses', async () => {
    const json = (await dotToLayoutJson(retainerPathsToDot([]))) as { objects?: unknown[] };
    expect(json.objects ?? []).toHaveLength(0);
  });
});
