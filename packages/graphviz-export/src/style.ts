// objgraph's visual language: fill darkens with the distance from the start objects, start objects
// get a red font, highlighted objects are blue, modules (for us: GC roots and the global object)
// green. Colours are Graphviz "H,S,V" triples with components in [0, 1].
import type { HeapEdgeAttributes, HeapNodeAttributes } from './attributes.js';

type Hsv = readonly [number, number, number];

const NEAR: Hsv = [0, 0, 1];
const FAR: Hsv = [0, 0, 0.3];

/** objgraph's `gradient`: linear from `start` at depth 0 to `end` at maxDepth. */
export function gradient(start: Hsv, end: Hsv, depth: number, maxDepth: number): Hsv {
  if (maxDepth <= 0) return start;
  const t = Math.min(1, depth / maxDepth);
  return [start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t, start[2] + (end[2] - start[2]) * t];
}

function hsv([h, s, v]: Hsv): string {
  const f = (x: number): string => String(Math.round(x * 1000) / 1000);
  return `${f(h)},${f(s)},${f(v)}`;
}

export interface NodeStyle {
  fillcolor: string;
  fontcolor?: string;
}

export function nodeStyle(n: HeapNodeAttributes, maxDepth: number, highlighted: boolean): NodeStyle {
  let [h, s, v] = gradient(NEAR, FAR, n.depth, maxDepth);
  if (n.gcRoot || n.global) {
    h = 0.3;
    s = 1;
  }
  if (highlighted) {
    h = 0.6;
    s = 0.6;
    v = 0.5 + v * 0.5;
  }
  const style: NodeStyle = { fillcolor: hsv([h, s, v]) };
  if (n.start) style.fontcolor = 'red';
  else if (v < 0.5) style.fontcolor = 'white';
  return style;
}

/** Fill of an "N more" box one step further out than its node. */
export function truncatedBoxStyle(depth: number, maxDepth: number): NodeStyle {
  const colour = gradient(NEAR, FAR, depth + 1, maxDepth);
  return colour[2] < 0.5 ? { fillcolor: hsv(colour), fontcolor: 'white' } : { fillcolor: hsv(colour) };
}

/** Extra DOT attributes of an edge: weak references dashed, engine-internal ones grey. */
export function edgeStyle(e: HeapEdgeAttributes): Record<string, string> {
  if (e.type === 'weak') return { style: 'dashed' };
  if (e.type === 'internal' || e.type === 'hidden') return { color: 'gray50', fontcolor: 'gray40' };
  return {};
}
