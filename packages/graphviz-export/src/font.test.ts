import type { Subgraph, SubgraphNode } from '@heapdiff/core';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { graphFromSubgraph } from './from-subgraph.js';
import { dotToSvg, svgToPng } from './render.js';
import { graphToDot } from './to-dot.js';

/** Labels that stress the width estimate: wide and narrow letters, bold class names, long values. */
const CLASSES = ['WWWWWWWWWWWW', 'LeakyRequest', 'MMMM mmmm WWWW', 'system / Context', '{longStr, someMethod}', 'iiiiiiiiiiiiiiiiiiii', '(concatenated string)', 'Map', 'ÀÉÎÕÜ ßæø'];

function labelSet(): Subgraph {
  const node = (id: number, className: string, over: Partial<SubgraphNode> = {}): SubgraphNode => ({
    ordinal: id, id, type: 'object', name: className, className, selfSize: 123_456, retainedSize: 98_765_432, distance: 2,
    depth: 1, start: false, gcRoot: false, global: false, expanded: false, truncated: 0, ...over,
  });
  const nodes = [node(1, 'HolderOfWideThings', { depth: 0, start: true, expanded: true, truncated: 7 })];
  const edges = CLASSES.map((className, i) => {
    nodes.push(node(100 + i, className, i % 3 === 0 ? { type: 'string', className: '(string)', name: `${className} value` } : {}));
    return { from: 1, to: 100 + i, fromOrdinal: 1, toOrdinal: 100 + i, name: `property${'W'.repeat(i)}`, type: 'property', count: 1 };
  });
  return { direction: 'references', maxDepth: 2, tooMany: 10, includeWeak: false, startIds: [1], nodes, edges, nodeLimitReached: false };
}

/** A PNG's pixels as grey levels (RGBA, 8 bits, not interlaced: what resvg writes). */
function decodePng(png: Uint8Array): { width: number; height: number; ink: (x: number, y: number) => boolean } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]);
  const chunks: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  return { width, height, ink: (x, y) => pixels[y * stride + x * 4]! < 200 };
}

interface TextBox { text: string; left: number; right: number; baseline: number }

const SCALE = 3;
/** Room around a box on the canvas a text is drawn on, so overflowing ink is seen. */
const MARGIN = 40;

/**
 * Where each text of the SVG is inked in the PNG svgToPng makes of it, in SVG units: every text
 * element drawn alone on a canvas around its box, then the inked columns found.
 */
async function inkedTexts(svg: string): Promise<{ boxes: Map<string, TextBox[]>; nodes: Map<string, { left: number; right: number }> }> {
  const boxes = new Map<string, TextBox[]>();
  const nodes = new Map<string, { left: number; right: number }>();
  for (const group of svg.matchAll(/<g id="(node\d+)" class="node">([\s\S]*?)<\/g>/g)) {
    const [, id, body] = group;
    const points = /<polygon fill="[^"]*" stroke="[^"]*" points="([^"]+)"/.exec(body!)![1]!.split(' ').map((pt) => pt.split(',').map(Number));
    const xs = points.map(([x]) => x!);
    const ys = points.map(([, y]) => y!);
    const box = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    nodes.set(id!, box);
    const view = { x: box.left - MARGIN, y: box.top - MARGIN, w: box.right - box.left + 2 * MARGIN, h: box.bottom - box.top + 2 * MARGIN };
    const texts: TextBox[] = [];
    for (const t of body!.matchAll(/<text [^>]*>[^<]*<\/text>/g)) {
      const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="${view.w}" height="${view.h}" viewBox="${view.x} ${view.y} ${view.w} ${view.h}">${t[0]}</svg>`;
      const { width, height, ink } = decodePng(await svgToPng(alone, { scale: SCALE }));
      let left = Infinity;
      let right = -Infinity;
      for (let x = 0; x < width; x++) for (let y = 0; y < height; y++) if (ink(x, y)) { left = Math.min(left, x); right = Math.max(right, x + 1); break; }
      const baseline = Number(/ y="([\d.-]+)"/.exec(t[0])![1]);
      texts.push({ text: t[0].replace(/<[^>]+>/g, ''), left: view.x + left / SCALE, right: view.x + right / SCALE, baseline });
    }
    boxes.set(id!, texts);
  }
  return { boxes, nodes };
}

describe('one font for the layout and the picture', () => {
  test('in the PNG every text stays inside its box, and texts on one line do not run into each other', async () => {
    const svg = await dotToSvg(graphToDot(graphFromSubgraph(labelSet())));
    const { boxes, nodes } = await inkedTexts(svg);
    expect(nodes.size).toBe(CLASSES.length + 2);
    let checked = 0;
    for (const [id, texts] of boxes) {
      const box = nodes.get(id)!;
      for (const t of texts) {
        expect(t.left, `${t.text} starts inside its box`).toBeGreaterThanOrEqual(box.left);
        expect(t.right, `${t.text} ends inside its box`).toBeLessThanOrEqual(box.right);
      }
      const byLine = new Map<number, TextBox[]>();
      for (const t of texts) byLine.set(t.baseline, [...(byLine.get(t.baseline) ?? []), t]);
      for (const line of byLine.values()) {
        const sorted = line.sort((a, b) => a.left - b.left);
        for (let i = 1; i < sorted.length; i++) {
          // `Class @id`: the bold class name ends before the id starts.
          expect(sorted[i - 1]!.right, `"${sorted[i - 1]!.text}" runs into "${sorted[i]!.text}"`).toBeLessThanOrEqual(sorted[i]!.left + 0.25);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(CLASSES.length);
  }, 60_000);

  test('the SVG names the shipped font first, with a close fallback for browsers', async () => {
    const svg = await dotToSvg(graphToDot(graphFromSubgraph(labelSet())));
    expect(svg).toContain('font-family="DejaVu Sans,Verdana,sans-serif"');
    expect(svg).not.toContain('Helvetica');
  });
});
