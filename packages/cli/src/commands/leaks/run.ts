import { stat } from 'node:fs/promises';
import {
  CodeNames, findLeakHolders, findLeaks, formatCount, holderName, formatPath, formatSize, largestObjectId, loadSnapshotIds, loadSnapshotIdsInBackground,
  pathView, plural, safeText, snapshotPairWarning, type HeapGraph, type IdIndex, type LeakGroup, type LeakHolder, type LeakHolderReport, type PairSnapshot,
} from '@heapdiff/core';
import { basename } from 'node:path';
import { parseCount } from '../../args/numbers.js';
import { readSnapshots } from '../../args/snapshots.js';
import { parseSize } from '../../args/size.js';
import { checkGraphDir, classGroupDrawing, writeLeakGraphs, type LeakDrawing } from '../../drawings/leak-graphs.js';
import { EXIT_LEAKS_FOUND } from '../../errors.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { STDIN_ARGUMENT } from '../../load/stdin.js';
import { printPairWarning, printWarning } from '../../load/warnings.js';
import { keepHolder } from '../../args/class-filter.js';
import type { Colors } from '../../output/colors.js';
import { isLeakGroup, leaksByClassJson, leaksByHolderJson, type SeriesSnapshots, type Thresholds } from './json.js';
import { leaksOptions } from './options.js';
import { formatHolderReport } from './text.js';

export interface LeaksArgs extends LoadArgs {
  /** Oldest first: leaks are allocated between the first two and alive in the last. */
  snapshots: string[];
  by?: 'holder' | 'class';
  failOnLeak?: boolean;
  threshold?: unknown;
  thresholdCount?: unknown;
  paths?: unknown;
  fullPath?: boolean;
  [option: string]: unknown;
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
  const snapshots = readSnapshots(args.snapshots, 'leaks', 2, Infinity, 'heapdiff leaks 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot');
  const opts = leaksOptions.read(args, snapshots);
  const thresholds: Thresholds = { bytes: parseSize(args.threshold ?? '1MB', '--threshold'), count: parseCount(args.thresholdCount ?? 1000, '--threshold-count', 0) };
  const maxPaths = parseCount(args.paths ?? 3, '--paths', 1);
  const failOnLeak = args.failOnLeak === true;
  const graphDir = opts.outDir;
  if (graphDir !== undefined) checkGraphDir(graphDir);
  // Filters and orders need every entry; otherwise only the first --limit are described in full.
  const filtering = opts.classes.active || opts.minSize > 0 || opts.sort !== 'verdict';
  const described = filtering ? 0 : opts.limit;
  const earlier = snapshots.slice(0, -1);
  // A missing file fails at once, with the error it always had.
  for (const path of earlier) if (path !== STDIN_ARGUMENT) await stat(path).catch(() => loadSnapshotIds(path));
  // Only ids are needed of the earlier snapshots: a worker reads them, one after another, while
  // this thread analyses the last one.
  let ids: Promise<EarlierIds> | null = null;
  const { analysis, info } = await loadAnalysis(snapshots.at(-1)!, opts.load, () => {
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

  const names = (): string[] => analysis.classes.names;
  const classNameOf = (o: number): string => analysis.classes.names[analysis.classes.classOf[o]!]!;

  if (args.by === 'class') {
    const all = findLeaks(analysis, { baseline, target, limit: described, maxPaths });
    const shown = opts.select(all, { name: (g) => g.name, size: (g) => g.retainedSize, sorters: classSorters, allNames: names });
    const groups = shown.rows;
    const drawings = groups.map((group, i) => classGroupDrawing(group, i + 1));
    const graphs = graphDir !== undefined ? await writeLeakGraphs(graphDir, analysis, drawings, snapshots) : undefined;
    const leaking = shown.matched.some((g) => isLeakGroup(g, thresholds.bytes, thresholds.count));
    await opts.emit({
      json: () => {
        const output = leaksByClassJson(analysis, code, groups, series, thresholds);
        output.leaking = leaking;
        if (graphs) output.groups.forEach((g, i) => { g.graph = graphs[i]; });
        return output;
      },
      csv: () => ({
        columns: [
          { key: 'name', csv: (g: LeakGroup) => g.name },
          { key: 'key', csv: (g) => g.key },
          { key: 'count', csv: (g) => g.count },
          { key: 'selfSize', csv: (g) => g.selfSize },
          { key: 'retainedSize', csv: (g) => g.retainedSize },
          { key: 'leak', csv: (g) => isLeakGroup(g, thresholds.bytes, thresholds.count) },
        ],
        rows: groups,
      }),
      text: () => [
        ...formatClassReport(analysis, code, groups, files, thresholds, { failOnLeak, graphDir, colors: opts.colors }, graphs?.map((f) => f.svg)),
        ...opts.more(shown, 'group').map((line) => opts.colors.dim(line)),
      ],
    });
    return failOnLeak && leaking ? EXIT_LEAKS_FOUND : 0;
  }

  const found = findLeakHolders(analysis, { baseline, target, maxIds, limit: described, thresholds, code });
  const candidates = opts.classes.active ? found.entries.filter((entry) => keepHolder(opts.classes, classNameOf(entry.ordinal), entry.classes)) : found.entries;
  if (opts.classes.active) for (const text of opts.classes.unmatched(names())) opts.note(text);
  const shown = opts.select(candidates, { size: (e) => e.members.retainedSize, sorters: holderSorters });
  const hidden = shown.matched.slice(shown.rows.length);
  const report: LeakHolderReport = {
    ...found,
    entries: shown.rows,
    more: {
      entries: found.more.entries + hidden.length,
      members: found.more.members + hidden.reduce((sum, e) => sum + e.members.count, 0),
      leaks: found.more.leaks + hidden.filter((e) => e.verdict === 'leak').length,
    },
  };
  const drawings: LeakDrawing[] = report.entries.map((entry, i) => {
    const name = holderName(analysis, code, entry);
    return { name, title: `#${i + 1} ${name}: ${plural(entry.members.count, 'object')} that survived, retained ${formatSize(entry.members.retainedSize)}`, paths: [entry.path] };
  });
  const graphs = graphDir !== undefined ? await writeLeakGraphs(graphDir, analysis, drawings, snapshots) : undefined;
  const output = leaksByHolderJson(analysis, code, report, series, thresholds);
  if (graphs) output.leaks.forEach((entry, i) => { entry.graph = graphs[i]; });
  await opts.emit({
    json: () => output,
    csv: () => ({
      columns: [
        { key: 'holder', csv: (e: (typeof output.leaks)[number]) => e.holder.name },
        { key: 'where', csv: (e) => e.holder.where ?? '' },
        { key: 'className', csv: (e) => e.holder.className },
        { key: 'nodeId', csv: (e) => e.holder.nodeId },
        { key: 'kind', csv: (e) => e.holder.shape.kind },
        { key: 'entries', csv: (e) => e.holder.shape.entries },
        { key: 'verdict', csv: (e) => e.verdict },
        { key: 'retainedSize', csv: (e) => e.retainedSize },
        { key: 'memberCount', csv: (e) => e.memberCount },
        { key: 'memberRetainedSize', csv: (e) => e.memberRetainedSize },
      ],
      rows: output.leaks,
    }),
    text: () => {
      if (report.entries.length === 0 && found.entries.length > 0) return ['No holder matches the filters.'];
      const lines = formatHolderReport(analysis, code, report, { files, thresholds, fullPath: args.fullPath === true, colors: opts.colors, quiet: opts.quiet, lastPath: snapshots.at(-1) });
      if (graphs && graphs.length > 0) lines.push(graphsLine(graphDir!, graphs.map((f) => f.svg), 'holder'));
      return lines;
    },
  });
  return failOnLeak && output.leaking ? EXIT_LEAKS_FOUND : 0;
}

/** `--sort` for groups by class; `verdict` keeps the order of findLeaks (retained size). */
const classSorters = {
  retained: (a: LeakGroup, b: LeakGroup) => b.retainedSize - a.retainedSize,
  count: (a: LeakGroup, b: LeakGroup) => b.count - a.count,
};

/** `--sort` for holders; `verdict` keeps findLeakHolders' order (leaks first, then retained size). */
const holderSorters = {
  retained: (a: LeakHolder, b: LeakHolder) => b.members.retainedSize - a.members.retainedSize,
  count: (a: LeakHolder, b: LeakHolder) => b.members.count - a.members.count,
};

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
  args: { failOnLeak: boolean; graphDir: string | undefined; colors: Colors }, svgs: string[] | undefined,
): string[] {
  const pc = args.colors;
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
  if (svgs && svgs.length > 0) out.push(graphsLine(args.graphDir!, svgs, 'group'));
  if (args.failOnLeak) {
    const leaking = groups.some(isLeak);
    out.push('', leaking ? pc.red(`Leak found: a group reaches ${formatSize(thresholds.bytes)} retained or ${formatCount(thresholds.count)} objects.`) : 'No group reaches the leak thresholds.');
  }
  return out;
}
