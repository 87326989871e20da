import { CodeNames, formatEdgeLabel, formatPath, pathView, plural, retainerPathOfId, rootCategory, safeText, WEAK_ONLY, type HeapAnalysis, type PathStep, type PathStepView } from '@heapdiff/core';
import { graphToDot } from '@heapdiff/graphviz-export';
import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { readObjectIds } from '../../args/object-ids.js';
import { writeGraphFile } from '../../drawings/graph-file.js';
import { retainerPathsGraph } from '../../drawings/path-graph.js';
import { pathToJson } from '../../json/path-step.js';
import type { PathOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { pathOptions } from './options.js';

export interface PathArgs extends LoadArgs {
  snapshot: string;
  object?: string | number;
  id?: string | number | (string | number)[];
  dot?: boolean;
  [option: string]: unknown;
}

const DRAWING = /^\.(dot|gv|svg|png)$/i;

export async function runPath(args: PathArgs): Promise<number> {
  const [id] = readObjectIds(args.object, args.id, 'path', { max: 1 }) as [number];
  const opts = pathOptions.read(args, [args.snapshot]);
  const drawing = opts.output !== undefined && DRAWING.test(extname(opts.output));
  if (opts.format !== 'table' && (args.dot || drawing)) {
    throw new UsageError(`--format ${opts.format} prints the path as ${opts.format.toUpperCase()}; it cannot be combined with --dot or a drawing (-o .dot, .svg, .png)`);
  }
  const { analysis, info } = await loadAnalysis(args.snapshot, opts.load);
  const path = retainerPathOfId(analysis, id);
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  const ordinal = analysis.graph.ordinalOfId(id);
  if (args.dot || drawing) return drawPath(analysis, path, ordinal, drawing ? opts.output : undefined, opts.quiet);
  const steps = pathView(analysis, path, { code });
  await opts.emit({
    json: (): PathOutput => ({ snapshot: info, nodeId: id, path: pathToJson(analysis, path, code) }),
    csv: () => ({
      columns: [
        { key: 'step', csv: (s: PathStepView & { step: number }) => s.step },
        { key: 'nodeId', csv: (s) => s.nodeId },
        { key: 'name', csv: (s) => s.name },
        { key: 'type', csv: (s) => s.type },
        { key: 'className', csv: (s) => s.className },
        { key: 'edge', csv: (s) => (s.edge === null ? null : formatEdgeLabel(s.edge, s.edgeType!)) },
        { key: 'edgeType', csv: (s) => s.edgeType },
        { key: 'retainedSize', csv: (s) => s.retainedSize },
        { key: 'location', csv: (s) => s.location },
      ],
      rows: steps.map((s, step) => ({ ...s, step })),
    }),
    text: () => (path.length > 0 ? formatPath(steps) : [`@${id} has no retainer path from a GC root: ${noPathReason(analysis, ordinal)}.`]),
  });
  return 0;
}

function noPathReason(analysis: HeapAnalysis, ordinal: number): string {
  return rootCategory(analysis, ordinal) === WEAK_ONLY
    ? 'only weak references reach it, so the next full GC may free it'
    : 'nothing references it';
}

/** `--dot` / `-o path.svg`: the path as a drawing; an object without a path is drawn alone. */
async function drawPath(analysis: HeapAnalysis, path: PathStep[], ordinal: number, output: string | undefined, quiet: boolean): Promise<number> {
  const graph = retainerPathsGraph(analysis, [path], ordinal);
  const g = analysis.graph;
  const target = `${analysis.classes.names[analysis.classes.classOf[ordinal]!]} @${g.nodeId[ordinal]}`;
  const title = path.length > 0
    ? `Shortest retainer path to ${target}`
    : `${target}: no retainer path (${noPathReason(analysis, ordinal)})`;
  const dot = graphToDot(graph, { title });
  if (output === undefined) {
    process.stdout.write(dot);
    return 0;
  }
  await writeGraphFile(output, dot);
  if (!quiet) process.stdout.write(`${safeText(output, 200)}: ${plural(graph.order, 'object')}, ${plural(graph.size, 'reference')}\n`);
  return 0;
}
