import { CodeNames, extractSubgraph, formatCount, ordinalsOfIds, plural, safeText, sampleClassInstances, truncate, type Subgraph } from '@heapdiff/core';
import { filterGraphByLabel, graphToDot, graphFromSubgraph, nodeLabelText, type HeapSubgraph } from '@heapdiff/graphviz-export';
import { UsageError } from '../errors.js';
import { compileRegex, didYouMean } from '../args/class-filter.js';
import { parseCount } from '../args/numbers.js';
import { readObjectIds } from '../args/object-ids.js';
import { objectGraphShared, type GraphVerb } from '../args/object-graph-options.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { graphOutputFormat, renderGraph } from './graph-file.js';
import { loadAnalysis, type LoadArgs } from '../load/load-snapshot.js';

export interface ObjectGraphArgs extends LoadArgs {
  snapshot: string;
  objects?: (string | number)[];
  id?: (string | number)[];
  class?: string;
  sample?: unknown;
  maxDepth?: unknown;
  tooMany?: unknown;
  weak?: boolean;
  includeBuiltins?: boolean;
  highlight?: string;
  filter?: string;
  [option: string]: unknown;
}

/** "retainers of LeakyRequest @1, @2 (max depth 3)": the caption above the drawing. */
function title(verb: GraphVerb, sub: Subgraph): string {
  const starts = sub.nodes.filter((n) => n.start);
  const names = starts.slice(0, 5).map((n) => `${truncate(n.className, 60)} @${n.id}`).join(', ');
  const more = starts.length > 5 ? ` and ${starts.length - 5} more` : '';
  const stopped = sub.nodeLimitReached ? `; stopped at ${formatCount(sub.nodes.length)} objects` : '';
  return `${verb === 'backrefs' ? 'Retainers' : 'References'} of ${names}${more} (max depth ${sub.maxDepth}${stopped})`;
}

/**
 * The class `--class` names: a class of exactly that name, else the one class a regex matches.
 * None, or several, is a usage error that says which were meant.
 */
export function resolveStartClass(names: readonly string[], text: string): string {
  if (names.includes(text)) return text;
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(text);
  } catch {
    regex = undefined; // not a regex either: only the suggestion can help
  }
  const matching = regex ? [...new Set(names.filter((name) => regex.test(name)))] : [];
  if (matching.length === 1) return matching[0]!;
  const typed = safeText(text, 80);
  if (matching.length === 0) throw new UsageError(`--class ${typed}: no class of that name in the snapshot${didYouMean(text, names)}`);
  const listed = matching.slice(0, 3).map((name) => `"${safeText(name, 40)}"`).join(', ');
  throw new UsageError(`--class ${typed} matches ${plural(matching.length, 'class', 'classes')} (${listed}${matching.length > 3 ? ', …' : ''}): name one`);
}

/** Whether any drawn object other than the start objects has a label `regex` matches. */
function anyLabelMatches(graph: HeapSubgraph, regex: RegExp, includeStarts: boolean): boolean {
  return graph.someNode((_, attrs) => (includeStarts || !attrs.start) && regex.test(nodeLabelText(attrs)));
}

/** `backrefs` / `refs`: the bounded graph around some objects, as DOT, SVG or PNG. */
export async function runObjectGraph(verb: GraphVerb, args: ObjectGraphArgs): Promise<number> {
  // Everything that can be checked without the snapshot is checked before the (slow) load.
  const opts = objectGraphShared.read(args, [args.snapshot]);
  const ids = readObjectIds(args.objects, args.id, verb, { min: 0 });
  if ((ids.length > 0) === (args.class !== undefined)) {
    throw new UsageError(`give the start objects as ids or with --class, e.g. heapdiff ${verb} app.heapsnapshot @12345, or --class LeakyRequest`);
  }
  const maxDepth = parseCount(args.maxDepth ?? 3, '--max-depth', 0);
  const tooMany = parseCount(args.tooMany ?? 10, '--too-many', 1);
  const sample = parseCount(args.sample ?? 3, '--sample', 1);
  const highlight = compileRegex('--highlight', args.highlight);
  const filter = compileRegex('--filter', args.filter);
  const format = opts.output === undefined ? 'dot' : graphOutputFormat(opts.output);

  // Retained sizes in the labels need the dominator tree: the full analysis, as `summary` runs it.
  const { snapshot, analysis } = await loadAnalysis(args.snapshot, opts.load);
  const starts = args.class !== undefined
    ? sampleClassInstances(analysis, resolveStartClass(analysis.classes.names, String(args.class)), sample)
    : ordinalsOfIds(snapshot.graph, ids);
  const sub = extractSubgraph(analysis, starts, {
    direction: verb === 'backrefs' ? 'retainers' : 'references',
    maxDepth,
    tooMany,
    includeWeak: args.weak === true,
    includeBuiltins: args.includeBuiltins === true,
    code: new CodeNames(analysis.graph, { cwd: process.cwd() }),
  });
  if (sub.nodeLimitReached) {
    opts.note(`stopped at ${plural(sub.nodes.length, 'object')}; lower --max-depth or --too-many for a complete graph`);
  }
  const whole = graphFromSubgraph(sub);
  if (filter && !anyLabelMatches(whole, filter, false)) opts.note(`--filter ${safeText(filter.source, 80)} matches no object around the start objects; only they are drawn`);
  const graph = filter ? filterGraphByLabel(whole, filter) : whole;
  if (highlight && !anyLabelMatches(graph, highlight, true)) opts.note(`--highlight ${safeText(highlight.source, 80)} matches no object in the drawing`);
  const dot = graphToDot(graph, { highlight, title: title(verb, sub) });
  if (opts.output === undefined) {
    process.stdout.write(dot);
    return 0;
  }
  await writeFileAtomic(opts.output, await renderGraph(dot, format));
  if (!opts.quiet) process.stdout.write(`${safeText(opts.output, 200)}: ${plural(graph.order, 'object')}, ${plural(graph.size, 'reference')}\n`);
  return 0;
}
