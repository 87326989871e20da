import { CodeNames, formatCount, formatPath, pathView, retainerPathOfId, rootCategory, safeText, WEAK_ONLY, type HeapAnalysis, type PathStep } from '@heapdiff/core';
import { graphToDot } from '@heapdiff/graphviz-export';
import { UsageError } from '../../errors.js';
import { assertNotInput } from '../../output/atomic-write.js';
import { graphOutputFormat, writeGraphFile } from '../../drawings/graph-file.js';
import { retainerPathsGraph } from '../../drawings/path-graph.js';
import { pathToJson } from '../../json/path-step.js';
import type { PathOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { parseNodeId } from '../../args/options.js';

export interface PathArgs extends LoadArgs {
  snapshot: string;
  id: string;
  json: boolean;
  dot: boolean;
  output?: string;
}

export async function runPath(args: PathArgs): Promise<number> {
  const id = parseNodeId(args.id);
  if (args.json && (args.dot || args.output !== undefined)) throw new UsageError('--json prints the path as JSON; it cannot be combined with --dot or -o');
  if (args.output !== undefined) {
    graphOutputFormat(args.output); // a bad extension fails before the (slow) load
    assertNotInput(args.output, [args.snapshot]);
  }
  const { analysis, info } = await loadAnalysis(args.snapshot, args);
  const path = retainerPathOfId(analysis, id);
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  if (args.json) {
    const output: PathOutput = { snapshot: info, nodeId: id, path: pathToJson(analysis, path, code) };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const ordinal = analysis.graph.ordinalOfId(id);
  if (args.dot || args.output !== undefined) return drawPath(analysis, path, ordinal, args.output);
  if (path.length > 0) {
    process.stdout.write(`${formatPath(pathView(analysis, path, { code })).join('\n')}\n`);
    return 0;
  }
  process.stdout.write(`@${id} has no retainer path from a GC root: ${noPathReason(analysis, ordinal)}.\n`);
  return 0;
}

function noPathReason(analysis: HeapAnalysis, ordinal: number): string {
  return rootCategory(analysis, ordinal) === WEAK_ONLY
    ? 'only weak references reach it, so the next full GC may free it'
    : 'nothing references it';
}

/** `--dot` / `-o`: the path as a drawing; an object without a path is drawn alone. */
async function drawPath(analysis: HeapAnalysis, path: PathStep[], ordinal: number, output: string | undefined): Promise<number> {
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
  process.stdout.write(`${safeText(output, 200)}: ${formatCount(graph.order)} objects, ${formatCount(graph.size)} references\n`);
  return 0;
}
