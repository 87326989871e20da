// Runs the analyses behind `summary`, `diff`, `leaks` and `growth` with the CLI's own JSON
// builders, so the report's numbers are the commands' numbers. Snapshots are loaded one at a
// time (newest, oldest, then the ones between); only `diff` needs two graphs at once: the
// newest is kept until the oldest is compared with it, as the `diff` command holds both.
import {
  analyzeHeap, CodeNames, computeDiff, computeGrowth, computeSummary, countClasses, findLeakHolders, formatSize, holderName,
  largestObjectId, loadSnapshotIds, loadSnapshotIdsInBackground, plural,
  type HeapAnalysis, type HeapGraph, type IdIndex, type InterfaceDefinition, type SnapshotClassCounts,
} from '@heapdiff/core';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { applyLimit } from '../../args/options.js';
import { loadAnalysis, loadWithProgress, type LoadArgs } from '../../load/load-snapshot.js';
import { createProgress } from '../../output/progress.js';
import { diffJson } from '../diff/json.js';
import type { ClassFilter } from '../../args/class-filter.js';
import { growingClasses, growthJson, sizeGrowth } from '../growth/json.js';
import { readMemorySeries } from '../memory/series.js';
import { leaksByHolderJson, type SeriesSnapshots, type Thresholds } from '../leaks/json.js';
import { sortSummaryClasses, summaryJson } from '../summary/json.js';
import type { SummaryOutput } from '../summary/schema.js';
import { holderDetail, holdersOverview } from './holder-details.js';
import type { MemorySeries, ReportContent } from './page/data.js';

export interface ReportInputs extends LoadArgs {
  /** Two or more snapshots of one process, oldest first. */
  snapshots: string[];
  /** Rows per table and leak entries, as each command's `--limit` (0 = all). */
  limit: number;
  thresholds: Thresholds;
  /** `--class` / `--ignore` and `--min-size` (bytes) for the class tables, as the commands apply them. */
  classes?: ClassFilter;
  minSize?: number;
  /** Where notes go (a `--class` that matches nothing). */
  note?: (text: string) => void;
}

interface Summarized {
  json: SummaryOutput;
  /** Classes before --limit. */
  classCount: number;
}

/** The report's rows of a class table: those `--class`, `--ignore` and `--min-size` keep. */
type RowFilter = <Row extends { name: string }>(rows: Row[], size: (row: Row) => number) => Row[];

function rowFilter(inputs: ReportInputs): RowFilter {
  const { classes, minSize = 0 } = inputs;
  return (rows, size) => rows.filter((row) => (classes === undefined || classes.matches(row.name)) && size(row) >= minSize);
}

function summarize(path: string, analysis: HeapAnalysis, limit: number, keep: RowFilter): Summarized {
  const summary = computeSummary(analysis);
  const rows = keep(sortSummaryClasses(summary, 'retained'), (c) => c.retainedSize);
  return { json: summaryJson(path, summary, applyLimit(rows, limit)), classCount: rows.length };
}

/**
 * The memory `heapdiff record` sampled while it took these snapshots (its `memory.json` beside
 * them), or null when they did not come from one recording. Only the samples and the snapshot
 * marks reach the page: the program's command line may carry secrets. A damaged memory.json
 * costs the chart, not the report.
 */
export async function reportMemorySeries(snapshots: readonly string[]): Promise<MemorySeries | null> {
  const dir = dirname(snapshots[0]!);
  if (snapshots.some((s) => dirname(s) !== dir)) return null;
  let series: Awaited<ReturnType<typeof readMemorySeries>>;
  try {
    series = await readMemorySeries(dir);
  } catch (error) {
    process.stderr.write(`heapdiff: no memory chart: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  if (!series) return null;
  const marked = new Set(series.snapshots.map((m) => m.file));
  if (!snapshots.every((s) => marked.has(basename(s)))) return null;
  return {
    samples: series.samples,
    snapshots: series.snapshots.map((m) => ({ t: m.t, file: m.file })),
  };
}

/** What the earlier snapshots of a series give `leaks`: the first two's ids, and every one's largest id. */
interface EarlierIds {
  baseline: IdIndex;
  target: IdIndex | undefined;
  maxIds: number[];
}

/** As `leaks` reads them: on a worker, one after another, while this thread analyses the newest. */
async function readEarlierIds(paths: readonly string[]): Promise<EarlierIds> {
  const maxIds: number[] = [];
  let baseline: IdIndex | undefined;
  let target: IdIndex | undefined;
  for (const [i, path] of paths.entries()) {
    const index = await loadSnapshotIdsInBackground(path);
    maxIds.push(largestObjectId(index));
    if (i === 0) baseline = index;
    else if (i === 1) target = index;
  }
  return { baseline: baseline!, target, maxIds };
}

/** Holds the newest graph until `diff` has used it. */
interface HeldGraph {
  graph: HeapGraph | null;
}

/** The newest snapshot: `leaks` by holder with the page's paths and drawings, its summary and class counts. */
async function analyseNewest(inputs: ReportInputs) {
  const { snapshots } = inputs;
  const earlier = snapshots.slice(0, -1);
  // A missing file fails at once, with the error it always had.
  for (const path of earlier) await stat(path).catch(() => loadSnapshotIds(path));
  let ids: Promise<EarlierIds> | null = null;
  const { analysis, info } = await loadAnalysis(snapshots.at(-1)!, inputs, () => {
    ids = readEarlierIds(earlier);
    ids.catch(() => {}); // taken below; it may fail before anyone waits for it
  }).catch(async (error: unknown) => {
    await ids; // an earlier snapshot's error comes first
    throw error;
  });
  const { baseline, target, maxIds } = await ids!;
  const series: SeriesSnapshots = snapshots.map((path, i) =>
    i === snapshots.length - 1 ? info : { path, nodeCount: i === 0 ? baseline.size : i === 1 && target ? target.size : 0, edgeCount: null, totalSize: null });
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  const report = findLeakHolders(analysis, { baseline, target, maxIds, limit: inputs.limit, thresholds: inputs.thresholds, code });
  const leaks = leaksByHolderJson(analysis, code, report, series, inputs.thresholds);
  const holders = await Promise.all(report.entries.map((entry, i) => {
    const title = `#${i + 1} ${holderName(analysis, code, entry)}: ${plural(entry.members.count, 'object')} that survived, retained ${formatSize(entry.members.retainedSize)}`;
    return holderDetail(analysis, code, entry, title);
  }));
  const overview = await holdersOverview(analysis, code, report.entries);
  const summary = summarize(info.path, analysis, inputs.limit, rowFilter(inputs));
  if (inputs.classes?.active) for (const text of inputs.classes.unmatched(analysis.classes.names)) inputs.note?.(text);
  const counts = countClasses(analysis.graph);
  const held: HeldGraph = { graph: analysis.graph };
  return { summary, counts, leaks, holders, overview, held };
}

async function analyseOne(path: string, interfaces: InterfaceDefinition[], inputs: ReportInputs) {
  const { analysis } = await loadAnalysis(path, inputs);
  return { summary: summarize(path, analysis, inputs.limit, rowFilter(inputs)), counts: countClasses(analysis.graph, { interfaces }) };
}

/** The oldest snapshot: compared with the newest first, then analysed once that graph is let go. */
async function analyseOldest(path: string, newest: HeldGraph, interfaces: InterfaceDefinition[], inputs: ReportInputs) {
  const progress = createProgress(inputs.quiet !== true);
  const snapshot = await loadWithProgress(path, progress, inputs);
  progress.phase('comparing', 1);
  const diff = computeDiff(snapshot.graph, newest.graph!);
  newest.graph = null;
  const analysis = analyzeHeap(snapshot, { onProgress: progress.phase('computing dominators', 1) });
  progress.stop();
  return { diff, summary: summarize(path, analysis, inputs.limit, rowFilter(inputs)), counts: countClasses(snapshot.graph, { interfaces }) };
}

export async function collectReport(inputs: ReportInputs): Promise<ReportContent> {
  const paths = inputs.snapshots;
  const last = paths.length - 1;
  const summaries = new Array<Summarized>(paths.length);
  const counts = new Array<SnapshotClassCounts>(paths.length);

  const newest = await analyseNewest(inputs);
  summaries[last] = newest.summary;
  counts[last] = newest.counts;
  const { interfaces } = newest.counts;
  // The oldest next, so the newest graph can go before the others are loaded.
  const oldest = await analyseOldest(paths[0]!, newest.held, interfaces, inputs);
  summaries[0] = oldest.summary;
  counts[0] = oldest.counts;
  for (let i = 1; i < last; i++) {
    const middle = await analyseOne(paths[i]!, interfaces, inputs);
    summaries[i] = middle.summary;
    counts[i] = middle.counts;
  }

  const series = { snapshots: counts.map((c, i) => ({ path: paths[i]!, ...c.stats })), classes: computeGrowth(counts) };
  const keep = rowFilter(inputs);
  const growing = keep(growingClasses(series, false), (c) => Math.abs(sizeGrowth(c)));
  const diffClasses = keep(oldest.diff.classes, (c) => Math.abs(c.sizeDelta));
  const memory = await reportMemorySeries(paths);
  return {
    data: {
      summaries: summaries.map((s) => s.json),
      diff: diffJson(paths[0]!, paths[last]!, oldest.diff, applyLimit(diffClasses, inputs.limit)),
      leaks: newest.leaks,
      growth: growthJson(series, applyLimit(growing, inputs.limit)),
      ...(memory ? { memory } : {}),
    },
    holders: newest.holders,
    overview: newest.overview,
    totals: {
      summaryClasses: summaries.map((s) => s.classCount),
      diffClasses: diffClasses.length,
      growingClasses: growing.length,
    },
  };
}
