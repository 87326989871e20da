import { describe, expect, test } from 'vitest';
import { svgToPng, dotToSvg } from './render.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('rendering without a dot binary', () => {
  test('dotToSvg lays out DOT with the WASM Graphviz', async () => {
    const svg = await dotToSvg('digraph { a -> b [label="x"] }');
    expect(svg).toContain('<svg');
    expect(svg).toMatch(/<text[^>]*>x<\/text>/);
  });

  test('dotToSvg throws on DOT that does not parse', async () => {
    await expect(dotToSvg('digraph { a -> ')).rejects.toThrow(/syntax error/i);
  });

  test('svgToPng rasterises the SVG', async () => {
    const png = await svgToPng(await dotToSvg('digraph { a -> b }'));
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // IHDR: width and height, big-endian, at bytes 16..23; 1.5x zoom by default.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBeGreaterThan(50);
  });

  test('svgToPng scales very wide graphs down to maxWidth', async () => {
    const wide = `digraph { ${Array.from({ length: 60 }, (_, i) => `r -> n${i}`).join('; ')} }`;
    const png = await svgToPng(await dotToSvg(wide), { maxWidth: 800 });
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBe(800);
  });
});
