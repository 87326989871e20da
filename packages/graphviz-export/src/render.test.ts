import { describe, expect, test } from 'vitest';
import { renderPng, renderSvg } from './render.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('rendering without a dot binary', () => {
  test('renderSvg lays out DOT with the WASM Graphviz', async () => {
    const svg = await renderSvg('digraph { a -> b [label="x"] }');
    expect(svg).toContain('<svg');
    expect(svg).toMatch(/<text[^>]*>x<\/text>/);
  });

  test('renderSvg throws on DOT that does not parse', async () => {
    await expect(renderSvg('digraph { a -> ')).rejects.toThrow();
  });

  test('renderPng rasterises the SVG', async () => {
    const png = await renderPng(await renderSvg('digraph { a -> b }'));
    expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // IHDR: width and height, big-endian, at bytes 16..23; 1.5x zoom by default.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBeGreaterThan(50);
  });

  test('renderPng scales very wide graphs down to maxWidth', async () => {
    const wide = `digraph { ${Array.from({ length: 60 }, (_, i) => `r -> n${i}`).join('; ')} }`;
    const png = await renderPng(await renderSvg(wide), { maxWidth: 800 });
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(view.getUint32(16)).toBe(800);
  });
});
