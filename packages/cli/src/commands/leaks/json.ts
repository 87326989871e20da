import { holderName, nodeLabel, pathView, programPathView, type CodeNames, type HeapAnalysis, type LeakGroup, type LeakHolder, type LeakHolderReport } from '@heapdiff/core';
import { pathToJson, stepToJson } from '../../json/path-step.js';
import type { LeaksByClassOutput, LeaksByHolderOutput } from './schema.js';

/** A group that reaches `--threshold` bytes retained or `--threshold-count` objects. */
export function isLeakGroup(g: Pick<LeakGroup, 'count' | 'retainedSize'>, thresholdBytes: number, thresholdCount: number): boolean {
  return g.retainedSize >= thresholdBytes || g.count >= thresholdCount;
}

/** How `leaks` describes the snapshots of its series: only the last is read whole. */
export type SeriesSnapshots = LeaksByHolderOutput['snapshots'];

export interface Thresholds {
  bytes: number;
  count: number;
}

export function holderEntryJson(analysis: HeapAnalysis, code: CodeNames, entry: LeakHolder): LeaksByHolderOutput['leaks'][number] {
  const g = analysis.graph;
  const o = entry.ordinal;
  const location = code.files.where(o);
  const program = programPathView(analysis, code, entry.path, entry.name);
  return {
    holder: {
      nodeId: g.nodeId[o]!,
      name: holderName(analysis, code, entry),
      where: entry.name?.where ?? null,
      className: analysis.classes.names[analysis.classes.classOf[o]!]!,
      ...(location ? { location } : {}),
      kind: entry.kind,
      shape: entry.shape,
      siblings: entry.siblings,
    },
    verdict: entry.verdict,
    retainedSize: entry.retainedSize,
    memberCount: entry.members.count,
    memberSelfSize: entry.members.selfSize,
    memberRetainedSize: entry.members.retainedSize,
    members: entry.classes,
    growth: entry.growth,
    chain: entry.chain,
    paths: [pathView(analysis, entry.path, { code }).map(stepToJson)],
    programPath: program.map((step) => ({ nodeId: step.nodeId, label: nodeLabel(step), edge: step.edgeText ?? step.edge })),
  };
}

/** `leaks --json` by holder (also the report's data). */
export function leaksByHolderJson(
  analysis: HeapAnalysis, code: CodeNames, report: LeakHolderReport, snapshots: SeriesSnapshots, thresholds: Thresholds,
): LeaksByHolderOutput {
  return {
    by: 'holder',
    snapshots,
    thresholds,
    leaking: report.entries.some((e) => e.verdict === 'leak') || report.more.leaks > 0,
    leakedCount: report.leakedCount,
    leaks: report.entries.map((entry) => holderEntryJson(analysis, code, entry)),
    more: report.more,
  };
}

/** `leaks --by class --json`. */
export function leaksByClassJson(
  analysis: HeapAnalysis, code: CodeNames, groups: LeakGroup[], snapshots: SeriesSnapshots, thresholds: Thresholds,
): LeaksByClassOutput {
  return {
    by: 'class',
    snapshots,
    thresholds,
    leaking: groups.some((g) => isLeakGroup(g, thresholds.bytes, thresholds.count)),
    groups: groups.map((g) => ({
      name: g.name,
      key: g.key,
      count: g.count,
      selfSize: g.selfSize,
      retainedSize: g.retainedSize,
      paths: g.clusters.map((c) => pathToJson(analysis, c.path, code)),
      pathCounts: g.clusters.map((c) => c.count),
      sampled: g.sampled,
    })),
  };
}
