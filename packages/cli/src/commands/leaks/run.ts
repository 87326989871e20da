import { stat } from 'node:fs/promises';
import {
  CodeNames, findLeakHolders, findLeaks, formatCount, holderName, formatPath, formatSize, largestObjectId, loadSnapshotIds, loadSnapshotIdsInBackground,
  pathView, plural, safeText, snapshotPairWarning, type HeapGraph, type IdIndex, type LeakGroup, type PairSnapshot,
} from '@heapdiff/core';
import { basename } from 'node:path';
import pc from 'picocolors';
import { parseSize } from '../../args/size.js';
import { checkGraphDir, classGroupDrawing, writeLeakGraphs, type LeakDrawing } from '../../drawings/leak-graphs.js';
import { UsageError, EXIT_LEAKS_FOUND } from '../../errors.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { STDIN_ARGUMENT } from '../../load/stdin.js';
import { printPairWarning, printWarning } from '../../load/warnings.js';
import { isLeakGroup, leaksByClassJson, leaksByHolderJson, type SeriesSnapshots, type Thresholds } from './json.js';
import { formatHolderReport } from './text.js';

export interface LeaksArgs extends LoadArgs {
  /** Oldest first: leaks are allocated between the first two and alive in the last. */
  snapshots: string[];
  by: 'holder' | 'class';
  limit: number;
  failOnLeak: boolean;
  threshold: string;
  thresholdCount: number;
  paths: number;
  fullPath: boolean;
  graph?: string;
  json: boolean;
}

/** What the earlier snapshots of a series give: the first two's ids, and every one's largest id. */
interface EarlierIds {
  baseline: IdIndex;
  target: IdIndex | undefined;
  /** The last earlier snapshot's ids, to check its order against the newest's. */
  last: IdIndex;
  maxIds: number[];
}

export async function runLeaks(args: LeaksArgs): Promise<number> {
  const { snapshots } = args;
  if (snapshots.length < 2) throw new UsageError('leaks needs at least two snapshots of one process, oldest first: heapdiff leaks 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot');
  const thresholds: Thresholds = { bytes: parseSize(args.threshold, '--threshold'), count: args.thresholdCount };
  if (args.graph !== undefined) checkGraphDir(args.graph);
  const earlier = snapshots.slice(0, -1);
  // A missing file fails at once, with the error it always had.
  for (const path of earlier) if (path !== STDIN_ARGUMENT) await stat(path).catch(() => loadSnapshotIds(path));
  // Only ids are needed of the earlier snapshots: a worker reads them, one after another, while
  // this thread analyses the last one.
  let ids: Promise<EarlierIds> | null = null;
  const { analysis, info } = await loadAnalysis(snapshots.at(-1)!, args, () => {
    ids = readEarlierIds(earlier);
    ids.catch(() => {}); // taken below; it may fail before anyone waits for it
  }).catch(async (error: unknown) => {
    // An earlier snapshot's error comes first, as when they were read first.
    await ids;
    throw error;
  });
  const { baseline, target, last, maxIds } = await ids!;
  await warnAboutOrder(snapshots, baseline, target, last, analysis.graph);
  const series: SeriesSnapshots = snapshots.map((path, i) =>
    i === snapshots.length - 1 ? info : { path, nodeCount: i === 0 ? baseline.size : i === 1 && target ? target.size : 0, edgeCount: null, totalSize: null });
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  const files = snapshots.map((path) => basename(path));

  if (args.by === 'class') {
    const groups = findLeaks(analysis, { baseline, target, limit: args.limit, maxPaths: args.paths });
    const drawings = groups.map((group, i) => classGroupDrawing(group, i + 1));
    const graphs = args.graph !== undefined ? await writeLeakGraphs(args.graph, analysis, drawings, snapshots) : undefined;
    const leaking = groups.some((g) => isLeakGroup(g, thresholds.bytes, thresholds.count));
    if (args.json) {
      const output = leaksByClassJson(analysis, code, groups, series, thresholds);
      if (graphs) output.groups.forEach((g, i) => { g.graph = graphs[i]; });
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      process.stdout.write(`${formatClassReport(analysis, code, groups, files, thresholds, args, graphs?.map((f) => f.svg)).join('\n')}\n`);
    }
    return args.failOnLeak && leaking ? EXIT_LEAKS_FOUND : 0;
  }

  const report = findLeakHolders(analysis, { baseline, target, maxIds, limit: args.limit, thresholds, code });
  const drawings: LeakDrawing[] = report.entries.map((entry, i) => {
    const name = holderName(analysis, code, entry);
    return { name, title: `#${i + 1} ${name}: ${plural(entry.members.count, 'object')} that survived, retained ${formatSize(entry.members.retainedSize)}`, paths: [entry.path] };
  });
  const graphs = args.graph !== undefined ? await writeLeakGraphs(args.graph, analysis, drawings, snapshots) : undefined;
  const output = leaksByHolderJson(analysis, code, report, series, thresholds);
  if (args.json) {
    if (graphs) output.leaks.forEach((entry, i) => { entry.graph = graphs[i]; });
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines = formatHolderReport(analysis, code, report, { files, thresholds, fullPath: args.fullPath });
    if (graphs && graphs.length > 0) lines.push(graphsLine(args.graph!, graphs.map((f) => f.svg), 'holder'));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return args.failOnLeak && output.leaking ? EXIT_LEAKS_FOUND : 0;
}

/**
 * The first two snapshots' id sets, and the largest object id of each earlier snapshot, read on a
 * worker one after another (a long series must not start a worker per file at once).
 */
async function readEarlierIds(paths: string[]): Promise<EarlierIds> {
  const maxIds: number[] = [];
  let baseline: IdIndex | undefined;
  let target: IdIndex | undefined;
  let last: IdIndex | undefined;
  for (const [i, path] of paths.entries()) {
    const index = await loadSnapshotIdsInBackground(path, { onWarning: printWarning });
    maxIds.push(largestObjectId(index));
    if (i === 0) baseline = index;
    else if (i === 1) target = index;
    last = index;
  }
  return { baseline: baseline!, target, last: last!, maxIds };
}

/**
 * One warning line when snapshots cannot be compared (the same file, reverse order, different
 * processes): the first two, and the last earlier one with the newest (core's snapshotPairWarning).
 */
async function warnAboutOrder(snapshots: string[], baseline: IdIndex, target: IdIndex | undefined, last: IdIndex, newest: HeapGraph): Promise<void> {
  const n = snapshots.length;
  const pairs: [PairSnapshot, PairSnapshot][] = [];
  if (target && n > 2) pairs.push([{ path: snapshots[0]!, snapshot: baseline }, { path: snapshots[1]!, snapshot: target }]);
  pairs.push([{ path: snapshots[n - 2]!, snapshot: last }, { path: snapshots[n - 1]!, snapshot: newest }]);
  for (const [older, newer] of pairs) {
    const warning = await snapshotPairWarning(older, newer);
    if (warning) printPairWarning(warning);
  }
}

function graphsLine(dir: string, svgs: string[], noun: 'group' | 'holder'): string {
  return `\nRetainer graphs of the ${plural(svgs.length, noun)} (DOT and SVG) in ${safeText(dir, 200)}: ${safeText(basename(svgs[0]!), 80)}${svgs.length > 1 ? ' …' : ''}`;
}

/** `leaks --by class`: the leaked objects by class, each with its clustered retainer paths. */
function formatClassReport(
  analysis: Parameters<typeof pathView>[0], code: CodeNames, groups: LeakGroup[], files: string[], thresholds: Thresholds,
  args: Pick<LeaksArgs, 'failOnLeak' | 'graph'>, svgs: string[] | undefined,
): string[] {
  const out: string[] = [];
  const [first, second] = files.map((f) => safeText(f, 200));
  const last = safeText(files.at(-1)!, 200);
  out.push(files.length > 2
    ? `Objects allocated between ${first} and ${second}, still alive in ${last}:`
    : `Objects allocated after ${first}, still alive in ${last}:`);
  if (groups.length === 0) out.push('', 'No new objects survived: nothing leaked between these snapshots.');
  const isLeak = (g: LeakGroup): boolean => isLeakGroup(g, thresholds.bytes, thresholds.count);
  groups.forEach((g, i) => {
    const flag = isLeak(g) ? pc.red(' ← leak') : '';
    out.push('');
    out.push(`${pc.bold(`#${i + 1} ${safeText(g.name, 80)}`)}  ${plural(g.count, 'object')}, retained ${formatSize(g.retainedSize)} (self ${formatSize(g.selfSize)})${flag}`);
    for (const cluster of g.clusters) {
      const share = g.sampled < g.count ? `${formatCount(cluster.count)} of ${formatCount(g.sampled)} sampled` : `${formatCount(cluster.count)} of ${formatCount(g.count)}`;
      out.push(pc.dim(`   ${share} held like this:`));
      out.push(...formatPath(pathView(analysis, cluster.path, { code }), '     '));
    }
  });
  if (svgs && svgs.length > 0) out.push(graphsLine(args.graph!, svgs, 'group'));
  if (args.failOnLeak) {
    const leaking = groups.some(isLeak);
    out.push('', leaking ? pc.red(`Leak found: a group reaches ${formatSize(thresholds.bytes)} retained or ${formatCount(thresholds.count)} objects.`) : 'No group reaches the leak thresholds.');
  }
  return out;
}
