import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { findLeaks, snapshotPairWarning, formatCount, formatPath, formatSize, loadSnapshotIds, loadSnapshotIdsInBackground, pathView, safeText, type IdIndex, type LeakGroup } from '@heapdiff/core';
import pc from 'picocolors';
import { parseSize } from '../../args/size.js';
import { checkGraphDir, writeLeakGraphs } from '../../drawings/leak-graphs.js';
import { EXIT_LEAKS_FOUND } from '../../errors.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { STDIN_ARGUMENT } from '../../load/stdin.js';
import { printPairWarning, printWarning } from '../../load/warnings.js';
import { isLeakGroup, leaksJson } from './json.js';

export interface LeaksArgs extends LoadArgs {
  baseline: string;
  target: string;
  final?: string;
  limit: number;
  failOnLeak: boolean;
  threshold: string;
  thresholdCount: number;
  paths: number;
  graph?: string;
  json: boolean;
}

export async function runLeaks(args: LeaksArgs): Promise<number> {
  const thresholdBytes = parseSize(args.threshold, '--threshold');
  if (args.graph !== undefined) checkGraphDir(args.graph);
  // Only ids are needed of the earlier snapshots: a worker reads them while this thread analyses
  // the last one. A missing file still fails at once, with the error it always had.
  const idPaths = args.final ? [args.baseline, args.target] : [args.baseline];
  for (const path of idPaths) if (path !== STDIN_ARGUMENT) await stat(path).catch(() => loadSnapshotIds(path));
  let idLoads: Promise<IdIndex>[] = [];
  const { analysis, info } = await loadAnalysis(args.final ?? args.target, args, () => {
    idLoads = idPaths.map((path) => loadSnapshotIdsInBackground(path, { onWarning: printWarning }));
    // Rejections are taken in order below; none may go unhandled meanwhile.
    for (const load of idLoads) load.catch(() => {});
  }).catch(async (error: unknown) => {
    // An earlier snapshot's error comes first, as when they were read first.
    for (const load of idLoads) await load;
    throw error;
  });
  const baseline = await idLoads[0]!;
  const targetIds = args.final ? await idLoads[1] : undefined;
  const order = [{ path: args.baseline, snapshot: baseline }, ...(targetIds ? [{ path: args.target, snapshot: targetIds }] : []), { path: args.final ?? args.target, snapshot: analysis.graph }];
  for (let i = 1; i < order.length; i++) {
    const mismatch = await snapshotPairWarning(order[i - 1]!, order[i]!);
    if (mismatch) printPairWarning(mismatch);
  }
  const groups = findLeaks(analysis, { baseline, target: targetIds, limit: args.limit, maxPaths: args.paths });
  const inputs = [args.baseline, args.target, ...(args.final ? [args.final] : [])];
  const graphs = args.graph !== undefined ? await writeLeakGraphs(args.graph, analysis, groups, inputs) : undefined;
  const isLeak = (g: LeakGroup): boolean => isLeakGroup(g, thresholdBytes, args.thresholdCount);
  const leaking = groups.some(isLeak);
  if (args.json) {
    const output = leaksJson(args, { analysis, info, targetIds, groups, thresholdBytes });
    if (graphs) output.groups.forEach((g, i) => { g.graph = graphs[i]; });
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
        out.push(...formatPath(pathView(analysis, cluster.path), '     '));
      }
    });
    if (graphs && graphs.length > 0) {
      out.push('', `Retainer graphs of the ${formatCount(graphs.length)} groups (DOT and SVG) in ${safeText(args.graph!, 200)}: ${safeText(basename(graphs[0]!.svg), 80)}${graphs.length > 1 ? ' …' : ''}`);
    }
    if (args.failOnLeak) {
      out.push('', leaking ? pc.red(`Leak found: a group reaches ${formatSize(thresholdBytes)} retained or ${formatCount(args.thresholdCount)} objects.`) : 'No group reaches the leak thresholds.');
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return args.failOnLeak && leaking ? EXIT_LEAKS_FOUND : 0;
}
