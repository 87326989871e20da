import { formatCount, formatSize } from '@heapdiff/core';
// Runs the analyses behind `summary`, `diff`, `leaks` and `growth` with the CLI's own JSON
// builders, so the report's numbers are the commands' numbers. Snapshots are loaded one at a
// time (newest, oldest, middle); only `diff` needs two graphs at once: the newest is kept until
// the oldest is compared with it, as the `diff` command holds both.
import {
  analyzeHeap, CodeNames, computeDiff, computeGrowth, computeSummary, countClasses, findLeaks, formatPath, loadSnapshotIds, pathView,
  type HeapAnalysis, type HeapGraph, type InterfaceDefinition, type LeakGroup, type SnapshotClassCounts,
} from '@heapdiff/core';
import { dotToSvg, graphToDot } from '@heapdiff/graphviz-export';
import { basename } from 'node:path';
import { createProgress } from '../../output/progress.js';
import { retainerPathsGraph } from '../../drawings/path-graph.js';
import type { SummaryOutput } from '../summary/schema.js';
import { diffJson } from '../diff/json.js';
import { growingClasses, growthJson } from '../growth/json.js';
import { leaksByClassJson } from '../leaks/json.js';
import { loadAnalysis, loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { applyLimit } from '../../args/options.js';
import { sortSummaryClasses, summaryJson } from '../summary/json.js';
import type { LeakDetail, ReportContent } from './page/data.js';

export interface ReportInputs extends LoadArgs {
  before: string;
  after: string;
  final?: string;
  /** Rows per table and leak groups, as each command's `--limit` (0 = all). */
  limit: number;
  /** Retainer paths per leak group (`leaks --paths`). */
  paths: number;
  thresholdBytes: number;
  thresholdCount: number;
}

interface Summarized {
  json: SummaryOutput;
  /** Classes before --limit. */
  classCount: number;
}

interface Analysed {
  summary: Summarized;
  counts: SnapshotClassCounts;
}

function summarize(path: string, analysis: HeapAnalysis, limit: number): Summarized {
  const summary = computeSummary(analysis);
  const json = summaryJson(path, summary, applyLimit(sortSummaryClasses(summary, 'retained'), limit));
  return { json, classCount: summary.classes.length };
}

/** The group's retainer paths in one drawing, titled as `leaks --graph` titles it. */
function leakGraphDot(analysis: HeapAnalysis, group: LeakGroup, rank: number): string {
  const graph = retainerPathsGraph(analysis, group.clusters.map((c) => c.path));
  const sampled = group.sampled < group.count ? `, paths of ${formatCount(group.sampled)} sampled` : '';
  return graphToDot(graph, { title: `#${rank} ${group.name}: ${formatCount(group.count)} objects, retained ${formatSize(group.retainedSize)}${sampled}` });
}

/** Holds the newest graph until `diff` has used it. */
interface HeldGraph {
  graph: HeapGraph | null;
}

/** The newest snapshot: everything `leaks` needs, its summary and class counts; keeps its graph for `diff`. */
async function analyseNewest(inputs: ReportInputs, path: string) {
  const progress = createProgress(true);
  const baseline = await loadSnapshotIds(inputs.before, { onProgress: progress.phase(`reading ids of ${basename(inputs.before)}`, 1) });
  const targetIds = inputs.final
    ? await loadSnapshotIds(inputs.after, { onProgress: progress.phase(`reading ids of ${basename(inputs.after)}`, 1) })
    : undefined;
  progress.stop();
  const { analysis, info } = await loadAnalysis(path, inputs);
  const groups = findLeaks(analysis, { baseline, target: targetIds, limit: inputs.limit, maxPaths: inputs.paths });
  const paths = inputs.final ? [inputs.before, inputs.after, inputs.final] : [inputs.before, inputs.after];
  const series = paths.map((p, i) => (i === paths.length - 1 ? info : { path: p, nodeCount: i === 0 ? baseline.size : (targetIds?.size ?? 0), edgeCount: null, totalSize: null }));
  const leaks = leaksByClassJson(analysis, new CodeNames(analysis.graph, { cwd: process.cwd() }), groups, series, { bytes: inputs.thresholdBytes, count: inputs.thresholdCount });
  const details = groups.map((g, i) => ({ pathLines: g.clusters.map((c) => formatPath(pathView(analysis, c.path))), dot: leakGraphDot(analysis, g, i + 1) }));
  const summary = summarize(path, analysis, inputs.limit);
  const counts = countClasses(analysis.graph);
  const held: HeldGraph = { graph: analysis.graph };
  return { summary, counts, leaks, details, held };
}

async function analyseOne(path: string, interfaces: InterfaceDefinition[], limit: number, load: LoadArgs): Promise<Analysed> {
  const { analysis } = await loadAnalysis(path, load);
  return { summary: summarize(path, analysis, limit), counts: countClasses(analysis.graph, { interfaces }) };
}

/** The oldest snapshot: compared with the newest first, then analysed once that graph is let go. */
async function analyseOldest(path: string, newest: HeldGraph, interfaces: InterfaceDefinition[], limit: number, load: LoadArgs) {
  const progress = createProgress(true);
  const snapshot = await loadWithProgress(path, progress, load);
  progress.phase('comparing', 1);
  const diff = computeDiff(snapshot.graph, newest.graph!);
  newest.graph = null;
  const analysis = analyzeHeap(snapshot, { onProgress: progress.phase('computing dominators', 1) });
  progress.stop();
  return { diff, summary: summarize(path, analysis, limit), counts: countClasses(snapshot.graph, { interfaces }) };
}

export async function collectReport(inputs: ReportInputs): Promise<ReportContent> {
  const paths = inputs.final ? [inputs.before, inputs.after, inputs.final] : [inputs.before, inputs.after];
  const last = paths.length - 1;
  const summaries = new Array<Summarized>(paths.length);
  const counts = new Array<SnapshotClassCounts>(paths.length);

  const newest = await analyseNewest(inputs, paths[last]!);
  summaries[last] = newest.summary;
  counts[last] = newest.counts;
  const { interfaces } = newest.counts;
  // The oldest next, so the newest graph can go before the middle one is loaded.
  const oldest = await analyseOldest(inputs.before, newest.held, interfaces, inputs.limit, inputs);
  summaries[0] = oldest.summary;
  counts[0] = oldest.counts;
  if (inputs.final) {
    const middle = await analyseOne(inputs.after, interfaces, inputs.limit, inputs);
    summaries[1] = middle.summary;
    counts[1] = middle.counts;
  }

  const series = { snapshots: counts.map((c, i) => ({ path: paths[i]!, ...c.stats })), classes: computeGrowth(counts) };
  const growing = growingClasses(series, false);
  const details: LeakDetail[] = [];
  for (const d of newest.details) details.push({ ...d, svg: await dotToSvg(d.dot) });
  return {
    data: {
      summaries: summaries.map((s) => s.json),
      diff: diffJson(inputs.before, paths[last]!, oldest.diff, applyLimit(oldest.diff.classes, inputs.limit)),
      leaks: newest.leaks,
      growth: growthJson(series, applyLimit(growing, inputs.limit)),
    },
    leakDetails: details,
    totals: {
      summaryClasses: summaries.map((s) => s.classCount),
      diffClasses: oldest.diff.classes.length,
      growingClasses: growing.length,
    },
  };
}
