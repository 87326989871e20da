import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, resvgFont, SVG_FONT_FAMILY } from './font.js';

let graphviz: Promise<Graphviz> | null = null;

/** Graphviz compiled to WebAssembly (bundled in the npm package): no `dot` binary needed. */
function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load();
  return graphviz;
}

/** Lays out DOT with Graphviz `dot` and returns SVG. Throws on DOT that does not parse. */
export async function dotToSvg(dot: string): Promise<string> {
  const gv = await loadGraphviz();
  return gv.layout(dot, 'svg', 'dot').replaceAll(`font-family="${FONT_FAMILY}"`, `font-family="${SVG_FONT_FAMILY}"`);
}

/** Lays out DOT and returns Graphviz's JSON description (for tests and tools that post-process). */
export async function dotToLayoutJson(dot: string): Promise<unknown> {
  const gv = await loadGraphviz();
  return JSON.parse(gv.layout(dot, 'json', 'dot')) as unknown;
}

export interface PngOptions {
  /** Zoom factor over the SVG's own size (default 1.5). */
  scale?: number;
  /** Widest image to produce, in pixels; larger graphs are scaled down to fit (default 16000). */
  maxWidth?: number;
}

/** Rasterises SVG to PNG with resvg (a native build shipped in an npm package; no browser). */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 1.5;
  const maxWidth = options.maxWidth ?? 16_000;
  const width = svgWidth(svg);
  const fitTo = width !== null && width * scale > maxWidth
    ? { mode: 'width' as const, value: maxWidth }
    : { mode: 'zoom' as const, value: scale };
  // The font the layout measured (font.ts).
  const resvg = new Resvg(svg, { fitTo, background: 'white', font: resvgFont() });
  return resvg.render().asPng();
}

/** Width in px from the root `<svg width="123pt">` Graphviz writes. */
function svgWidth(svg: string): number | null {
  const match = /<svg[^>]*\swidth="([\d.]+)(pt|px)?"/.exec(svg);
  if (!match) return null;
  const value = Number(match[1]);
  return match[2] === 'pt' ? (value * 4) / 3 : value;
}
