import { formatCount } from '@heapdiff/core';
import type { HeapNodeAttributes, HeapSubgraph } from './attributes.js';
import { capNodes } from './cap-nodes.js';
import { collapseChains } from './collapse-chains.js';
import { graphFromRetainerPaths, type RetainerPathStep } from './from-paths.js';
import { dotString, htmlText } from './escape.js';
import { filterGraphByLabel, matcher } from './filter.js';
import { FONT_FAMILY } from './font.js';
import { edgeLabel, nodeLabel, nodeLabelText } from './labels.js';
import { edgeStyle, nodeStyle, truncatedBoxStyle } from './style.js';

export interface DotOptions {
  /** Nodes whose label matches are drawn blue. */
  highlight?: RegExp;
  /** Only nodes whose label matches are kept (start objects always are), see `filterGraphByLabel`. */
  filter?: RegExp;
  /** A caption above the graph. */
  title?: string;
}

/** DOT node ids from graph keys (object ids for our graphs; quoted in case a caller's keys are not). */
const nodeId = (key: string): string => dotString(`n${key}`);
const moreId = (key: string): string => dotString(`more${key}`);

function attributeList(attrs: Record<string, string>): string {
  return Object.entries(attrs).map(([k, v]) => `${k}=${v}`).join(', ');
}

function htmlLabel(label: ReturnType<typeof nodeLabel>): string {
  const lines = [`<B>${htmlText(label.title)}</B>&#160;${htmlText(label.id)}`];
  if (label.preview) lines.push(`<FONT POINT-SIZE="9">${htmlText(label.preview)}</FONT>`);
  lines.push(`<FONT POINT-SIZE="9">${htmlText(label.sizes)}</FONT>`);
  return `<${lines.join('<BR/>')}>`;
}

/** What the caption adds when objects were left out. */
function omittedNote(omitted: number | undefined): string {
  return omitted ? `${formatCount(omitted)} more object${omitted === 1 ? '' : 's'} not drawn` : '';
}

function foldedStatement(key: string, n: HeapNodeAttributes, maxDepth: number): string {
  const style = truncatedBoxStyle(n.depth - 1, maxDepth);
  const attrs: Record<string, string> = {
    label: dotString(nodeLabel(n).title), style: '"dashed,filled"', fillcolor: `"${style.fillcolor}"`, fontsize: '10',
  };
  if (style.fontcolor) attrs.fontcolor = style.fontcolor;
  return `  ${nodeId(key)} [${attributeList(attrs)}];`;
}

/**
 * The graph in DOT, drawn the way objgraph draws show_backrefs / show_refs: arrows go from the
 * holder to what it holds, fill darkens with distance from the start objects, and "N more" boxes
 * with dotted red edges stand for neighbours that `--too-many` left out. Long chains are folded
 * into one dashed box (collapse-chains.ts) and at most MAX_DRAWN_NODES objects are drawn, so
 * Graphviz lays out any graph in seconds; the caption says what was left out. Start objects end
 * their branches: at the bottom of a retainer graph, at the top of a reference graph, cycles or not.
 */
export function graphToDot(input: HeapSubgraph, options: DotOptions = {}): string {
  const graph = capNodes(collapseChains(options.filter ? filterGraphByLabel(input, options.filter) : input));
  const highlighted = options.highlight ? matcher(options.highlight) : () => false;
  const maxDepth = graph.getAttribute('maxDepth');
  const retainers = graph.getAttribute('direction') === 'retainers';
  const out: string[] = ['digraph heapdiff {'];
  const graphAttrs: Record<string, string> = { fontname: `"${FONT_FAMILY}"`, fontsize: '12' };
  const caption = [options.title ?? '', omittedNote(graph.getAttribute('omitted'))].filter(Boolean).join(' — ');
  if (caption) Object.assign(graphAttrs, { label: dotString(caption), labelloc: 't' });
  out.push(`  graph [${attributeList(graphAttrs)}];`);
  out.push(`  node [shape=box, style=filled, fillcolor=white, fontname="${FONT_FAMILY}", fontsize=11];`);
  out.push(`  edge [fontname="${FONT_FAMILY}", fontsize=9];`);

  graph.forEachNode((key, n) => {
    if (n.folded !== undefined) {
      out.push(foldedStatement(key, n, maxDepth));
      return;
    }
    const style = nodeStyle(n, maxDepth, highlighted(nodeLabelText(n)));
    const attrs: Record<string, string> = { label: htmlLabel(nodeLabel(n)), fillcolor: `"${style.fillcolor}"` };
    if (style.fontcolor) attrs.fontcolor = style.fontcolor;
    out.push(`  ${nodeId(key)} [${attributeList(attrs)}];`);
    if (n.truncated > 0) {
      const box = truncatedBoxStyle(n.depth, maxDepth);
      const noun = retainers ? 'retainer' : 'reference';
      const text = `${formatCount(n.truncated)} more ${noun}${n.truncated === 1 ? '' : 's'}`;
      const boxAttrs: Record<string, string> = {
        label: dotString(text), height: '0.25', color: 'red', fillcolor: `"${box.fillcolor}"`, fontsize: '8',
      };
      if (box.fontcolor) boxAttrs.fontcolor = box.fontcolor;
      out.push(`  ${moreId(key)} [${attributeList(boxAttrs)}];`);
      const [from, to] = retainers ? [moreId(key), nodeId(key)] : [nodeId(key), moreId(key)];
      out.push(`  ${from} -> ${to} [color=red, style=dotted, len=0.25, weight=10];`);
    }
  });
  graph.forEachEdge((_, e, source, target, from, to) => {
    const attrs: Record<string, string> = { label: dotString(edgeLabel(e)) };
    for (const [k, v] of Object.entries(edgeStyle(e))) attrs[k] = v;
    // Only edges that lead away from the start objects rank the drawing (holders above what they
    // hold): an edge back towards them, as in a cycle, would otherwise lift a start object to the
    // top. So every other object has a ranked path to a start object, and the start objects are
    // the drawing's bottom (retainers) or top (references).
    if (retainers ? from.depth <= to.depth : to.depth <= from.depth) attrs.constraint = 'false';
    out.push(`  ${nodeId(source)} -> ${nodeId(target)} [${attributeList(attrs)}];`);
  });
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** Retainer paths (as `heapdiff path` / `leaks` produce them) merged into one DOT graph. */
export function retainerPathsToDot(paths: readonly (readonly RetainerPathStep[])[], options: DotOptions = {}): string {
  return graphToDot(graphFromRetainerPaths(paths), options);
}
