import { svgToPng, dotToSvg } from '@heapdiff/graphviz-export';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';

export type GraphFormat = 'dot' | 'svg' | 'png';
const FORMATS: Record<string, GraphFormat> = { '.dot': 'dot', '.gv': 'dot', '.svg': 'svg', '.png': 'png' };

/** The drawing a `-o` path asks for, by its extension; checked before any snapshot is loaded. */
export function graphOutputFormat(path: string): GraphFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new UsageError(`-o ${path}: unknown output type (use .dot, .svg or .png)`);
  return format;
}

/** DOT as is, laid out to SVG by WASM Graphviz, or that SVG rasterised to PNG. */
export async function renderGraph(dot: string, format: GraphFormat): Promise<string | Uint8Array> {
  if (format === 'dot') return dot;
  const svg = await dotToSvg(dot);
  return format === 'svg' ? svg : svgToPng(svg);
}

/** Renders DOT in the format `path`'s extension names and writes it atomically. */
export async function writeGraphFile(path: string, dot: string): Promise<void> {
  await writeFileAtomic(path, await renderGraph(dot, graphOutputFormat(path)));
}
