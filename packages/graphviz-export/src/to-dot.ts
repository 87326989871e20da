import type { HeapSubgraph } from './attributes.js';
import { graphFromRetainerPaths, type RetainerPathStep } from './from-paths.js';
import { dotString, htmlText } from './escape.js';
import { filterGraphByLabel, matcher } from './filter.js';
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

/**
 * The graph in DOT, drawn the way objgraph draws show_backrefs / show_refs: arrows go from the
 * holder to what it holds, fill darkens with distance from the start objects, and "N more" boxes
 * with dotted red edges stand for neighbours that `--too-many` left out.
 */
export function graphToDot(input: HeapSubgraph, options: DotOptions = {}): string {
  const graph = options.filter ? filterGraphByLabel(input, options.filter) : input;
  const highlighted = options.highlight ? matcher(options.highlight) : () => false;
  const maxDepth = graph.getAttribute('maxDepth');
  const retainers = graph.getAttribute('direction') === 'retainers';
  const out: string[] = ['digraph heapdiff {'];
  const graphAttrs: Record<string, string> = { fontname: '"Helvetica"', fontsize: '12' };
  if (options.title) Object.assign(graphAttrs, { label: dotString(options.title), labelloc: 't' });
  out.push(`  graph [${attributeList(graphAttrs)}];`);
  out.push('  node [shape=box, style=filled, fillcolor=white, fontname="Helvetica", fontsize=11];');
  out.push('  edge [fontname="Helvetica", fontsize=9];');

  graph.forEachNode((key, n) => {
    const style = nodeStyle(n, maxDepth, highlighted(nodeLabelText(n)));
    const attrs: Record<string, string> = { label: htmlLabel(nodeLabel(n)), fillcolor: `"${style.fillcolor}"` };
    if (style.fontcolor) attrs.fontcolor = style.fontcolor;
    out.push(`  ${nodeId(key)} [${attributeList(attrs)}];`);
    if (n.truncated > 0) {
      const box = truncatedBoxStyle(n.depth, maxDepth);
      const noun = retainers ? 'retainer' : 'reference';
      const text = `${n.truncated} more ${noun}${n.truncated === 1 ? '' : 's'}`;
      const boxAttrs: Record<string, string> = {
        label: dotString(text), height: '0.25', color: 'red', fillcolor: `"${box.fillcolor}"`, fontsize: '8',
      };
      if (box.fontcolor) boxAttrs.fontcolor = box.fontcolor;
      out.push(`  ${moreId(key)} [${attributeList(boxAttrs)}];`);
      const [from, to] = retainers ? [moreId(key), nodeId(key)] : [nodeId(key), moreId(key)];
      out.push(`  ${from} -> ${to} [color=red, style=dotted, len=0.25, weight=10];`);
    }
  });
  graph.forEachEdge((_, e, source, target) => {
    const attrs: Record<string, string> = { label: dotString(edgeLabel(e)) };
    for (const [k, v] of Object.entries(edgeStyle(e))) attrs[k] = v;
    out.push(`  ${nodeId(source)} -> ${nodeId(target)} [${attributeList(attrs)}];`);
  });
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** Retainer paths (as `heapdiff path` / `leaks` produce them) merged into one DOT graph. */
export function retainerPathsToDot(paths: readonly (readonly RetainerPathStep[])[], options: DotOptions = {}): string {
  return graphToDot(graphFromRetainerPaths(paths), options);
}
