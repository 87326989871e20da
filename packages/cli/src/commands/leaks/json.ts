import type { HeapAnalysis, IdIndex, LeakGroup } from '@heapdiff/core';
import { pathToJson } from '../../json/path-step.js';
import type { LoadedAnalysis } from '../../load/load-snapshot.js';
import type { LeaksOutput } from './schema.js';

/** A group that reaches `--threshold` bytes retained or `--threshold-count` objects. */
export function isLeakGroup(g: Pick<LeakGroup, 'count' | 'retainedSize'>, thresholdBytes: number, thresholdCount: number): boolean {
  return g.retainedSize >= thresholdBytes || g.count >= thresholdCount;
}

export interface LeaksResult {
  /** The analysis of `final` (or of `target` without one). */
  analysis: HeapAnalysis;
  info: LoadedAnalysis['info'];
  /** Ids of `target` when `final` is given. */
  targetIds: IdIndex | undefined;
  groups: LeakGroup[];
  thresholdBytes: number;
}

/** `leaks --json` (also the report's data). */
export function leaksJson(
  args: { baseline: string; target: string; final?: string; thresholdCount: number },
  { analysis, info, targetIds, groups, thresholdBytes }: LeaksResult,
): LeaksOutput {
  return {
    baseline: { path: args.baseline },
    target: args.final ? { path: args.target, nodeCount: targetIds!.size, edgeCount: null, totalSize: null } : info,
    final: args.final ? info : null,
    thresholds: { bytes: thresholdBytes, count: args.thresholdCount },
    leaking: groups.some((g) => isLeakGroup(g, thresholdBytes, args.thresholdCount)),
    groups: groups.map((g) => ({
      name: g.name,
      key: g.key,
      count: g.count,
      selfSize: g.selfSize,
      retainedSize: g.retainedSize,
      paths: g.clusters.map((c) => pathToJson(analysis, c.path)),
      pathCounts: g.clusters.map((c) => c.count),
      sampled: g.sampled,
    })),
  };
}
