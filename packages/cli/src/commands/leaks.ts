import { findLeaks, loadSnapshotIds, type LeakGroup } from '@heapdiff/core';
import { basename } from 'node:path';
import pc from 'picocolors';
import { EXIT_LEAKS_FOUND } from '../errors.js';
import { formatCount, formatSize, safeText } from '../output/format.js';
import { createProgress } from '../output/progress.js';
import { formatPath, pathToJson } from '../output/retainer-path.js';
import type { LeaksOutput } from '../schemas/leaks.js';
import { loadAnalysis } from './load-analysis.js';
import { parseSize } from './size-option.js';

export interface LeaksArgs {
  baseline: string;
  target: string;
  final?: string;
  limit: number;
  failOnLeak: boolean;
  threshold: string;
  thresholdCount: number;
  paths: number;
  json: boolean;
}

export async function runLeaks(args: LeaksArgs): Promise<number> {
  const thresholdBytes = parseSize(args.threshold, '--threshold');
  const progress = createProgress(!args.json);
  const idPhase = progress.phase(`reading ids of ${basename(args.baseline)}`, 1);
  const baseline = await loadSnapshotIds(args.baseline, { onProgress: idPhase });
  let targetIds;
  if (args.final) {
    const targetPhase = progress.phase(`reading ids of ${basename(args.target)}`, 1);
    targetIds = await loadSnapshotIds(args.target, { onProgress: targetPhase });
  }
  progress.stop();
  const { analysis, info } = await loadAnalysis(args.final ?? args.target, args.json);
  const groups = findLeaks(analysis, { baseline, target: targetIds, limit: args.limit, maxPaths: args.paths });
  const isLeak = (g: LeakGroup): boolean => g.retainedSize >= thresholdBytes || g.count >= args.thresholdCount;
  const leaking = groups.some(isLeak);
  if (args.json) {
    const output: LeaksOutput = {
      baseline: { path: args.baseline },
      target: args.final ? { path: args.target, nodeCount: targetIds!.size, edgeCount: 0, totalSize: 0 } : info,
      final: args.final ? info : null,
      thresholds: { bytes: thresholdBytes, count: args.thresholdCount },
      leaking,
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
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const out: string[] = [];
    const phase = args.final
      ? `allocated between ${safeText(basename(args.baseline))} and ${safeText(basename(args.target))}, still alive in ${safeText(basename(args.final))}`
      : `allocated after ${safeText(basename(args.baseline))}, still alive in ${safeText(basename(args.target))}`;
    out.push(`Objects ${phase}:`);
    if (groups.length === 0) out.push('', 'No new objects survived: nothing leaked between these snapshots.');
    groups.forEach((g, i) => {
      const flag = isLeak(g) ? pc.red(' ← leak') : '';
      out.push('');
      out.push(`${pc.bold(`#${i + 1} ${safeText(g.name, 80)}`)}  ${formatCount(g.count)} objects, retained ${formatSize(g.retainedSize)} (self ${formatSize(g.selfSize)})${flag}`);
      for (const cluster of g.clusters) {
        const share = g.sampled < g.count ? `${formatCount(cluster.count)} of ${formatCount(g.sampled)} sampled` : `${formatCount(cluster.count)} of ${formatCount(g.count)}`;
        out.push(pc.dim(`   ${share} held like this:`));
        out.push(...formatPath(analysis, cluster.path, '     '));
      }
    });
    if (args.failOnLeak) {
      out.push('', leaking ? pc.red(`Leak found: a group reaches ${formatSize(thresholdBytes)} retained or ${formatCount(args.thresholdCount)} objects.`) : 'No group reaches the leak thresholds.');
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return args.failOnLeak && leaking ? EXIT_LEAKS_FOUND : 0;
}
