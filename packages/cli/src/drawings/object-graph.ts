import { formatCount, safeText, truncate } from '@heapdiff/core';
import {
  extractSubgraph, InvalidOptionError, ordinalsOfIds, sampleClassInstances, type Subgraph,
} from '@heapdiff/core';
import { filterGraphByLabel, graphToDot, graphFromSubgraph } from '@heapdiff/graphviz-export';
import { UsageError } from '../errors.js';
import { assertNotInput, writeFileAtomic } from '../output/atomic-write.js';
import { graphOutputFormat, renderGraph } from './graph-file.js';
import { loadAnalysis, type LoadArgs } from '../load/load-snapshot.js';
import { parseNodeId } from '../args/options.js';
import type { GraphVerb } from '../args/object-graph-options.js';

export interface ObjectGraphArgs extends LoadArgs {
  snapshot: string;
  id?: (string | number)[];
  class?: string;
  sample: number;
  maxDepth: number;
  tooMany: number;
  weak: boolean;
  includeBuiltins?: boolean;
  highlight?: string;
  filter?: string;
  output?: string;
}

function compileRegex(option: string, source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new InvalidOptionError(`--${option}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkInteger(option: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${option} must be an integer >= ${min}`);
}

/** "retainers of LeakyRequest @1, @2 (max depth 3)": the caption above the drawing. */
function title(verb: GraphVerb, sub: Subgraph): string {
  const starts = sub.nodes.filter((n) => n.start);
  const names = starts.slice(0, 5).map((n) => `${truncate(n.className, 60)} @${n.id}`).join(', ');
  const more = starts.length > 5 ? ` and ${starts.length - 5} more` : '';
  const stopped = sub.nodeLimitReached ? `; stopped at ${formatCount(sub.nodes.length)} objects` : '';
  return `${verb === 'backrefs' ? 'Retainers' : 'References'} of ${names}${more} (max depth ${sub.maxDepth}${stopped})`;
}

/** `backrefs` / `refs`: the bounded graph around some objects, as DOT, SVG or PNG. */
export async function runObjectGraph(verb: GraphVerb, args: ObjectGraphArgs): Promise<number> {
  // Everything that can be checked without the snapshot is checked before the (slow) load.
  const ids = (args.id ?? []).map((value) => parseNodeId(value));
  if ((ids.length > 0) === (args.class !== undefined)) throw new UsageError('give the start objects with --id <id>... or --class <name>');
  checkInteger('max-depth', args.maxDepth, 0);
  checkInteger('too-many', args.tooMany, 1);
  checkInteger('sample', args.sample, 1);
  const highlight = compileRegex('highlight', args.highlight);
  const filter = compileRegex('filter', args.filter);
  if (args.output !== undefined) assertNotInput(args.output, [args.snapshot]);
  const format = args.output === undefined ? 'dot' : graphOutputFormat(args.output);

  // Retained sizes in the labels need the dominator tree: the full analysis, as `summary` runs it.
  const { snapshot, analysis } = await loadAnalysis(args.snapshot, args);
  const starts = args.class !== undefined
    ? sampleClassInstances(analysis, args.class, args.sample)
    : ordinalsOfIds(snapshot.graph, ids);
  const sub = extractSubgraph(analysis, starts, {
    direction: verb === 'backrefs' ? 'retainers' : 'references',
    maxDepth: args.maxDepth,
    tooMany: args.tooMany,
    includeWeak: args.weak,
    includeBuiltins: args.includeBuiltins === true,
  });
  if (sub.nodeLimitReached) {
    process.stderr.write(`heapdiff: stopped at ${formatCount(sub.nodes.length)} objects; lower --max-depth or --too-many for a complete graph\n`);
  }
  const graph = filter ? filterGraphByLabel(graphFromSubgraph(sub), filter) : graphFromSubgraph(sub);
  const dot = graphToDot(graph, { highlight, title: title(verb, sub) });
  if (args.output === undefined) {
    process.stdout.write(dot);
    return 0;
  }
  await writeFileAtomic(args.output, await renderGraph(dot, format));
  process.stdout.write(`${safeText(args.output, 200)}: ${formatCount(graph.order)} objects, ${formatCount(graph.size)} references\n`);
  return 0;
}
