// Our Summary against DevTools' on one snapshot: a list of readable differences (empty = equal).
import { analyzeHeap, computeSummary, loadSnapshot } from '@heapdiff/core';
import { devtoolsAggregatesOf, devtoolsLoad } from './oracles.js';

interface ClassRow { name: string; count: number; self: number; retained: number }

const show = (r: ClassRow): string => `name ${r.name}, count ${r.count}, self ${r.self}, retained ${r.retained}`;

function describeDiff(ours: ClassRow | undefined, theirs: ClassRow | undefined): string {
  if (!ours) return `missing from ours (devtools: ${show(theirs!)})`;
  if (!theirs) return `not in devtools (ours: ${show(ours)})`;
  return (['name', 'count', 'self', 'retained'] as const).filter((f) => ours[f] !== theirs[f])
    .map((f) => `${f}: ours ${ours[f]}, devtools ${theirs[f]}`).join('; ');
}

/** Totals and per-class rows (keyed as DevTools keys them) that differ, largest first, capped. */
export async function summaryDifferences(path: string, maxReported = 20): Promise<string[]> {
  const devtools = await devtoolsLoad(path);
  const theirs = new Map<string, ClassRow>(Object.entries(devtoolsAggregatesOf(devtools))
    .map(([key, a]) => [key, { name: a.name, count: a.count, self: a.self, retained: a.maxRet }]));
  const summary = computeSummary(analyzeHeap(await loadSnapshot(path)));
  const ours = new Map<string, ClassRow>(summary.classes
    .map((c) => [c.key, { name: c.name, count: c.count, self: c.selfSize, retained: c.retainedSize }]));
  const report: string[] = [];
  if (ours.size !== summary.classes.length) report.push('our summary lists a class key twice');
  const totals = { nodeCount: devtools.nodeCount, edgeCount: devtools.containmentEdges.length / devtools.edgeFieldsCount, totalSize: devtools.totalSize };
  for (const [k, v] of Object.entries(totals)) {
    const mine = summary[k as keyof typeof totals];
    if (mine !== v) report.push(`${k}: ours ${mine}, devtools ${v}`);
  }
  const diffs: [number, string][] = [];
  for (const key of new Set([...theirs.keys(), ...ours.keys()])) {
    const [a, b] = [ours.get(key), theirs.get(key)];
    if (a && b && a.name === b.name && a.count === b.count && a.self === b.self && a.retained === b.retained) continue;
    diffs.push([Math.max(a?.retained ?? 0, b?.retained ?? 0), `[${key}] ${describeDiff(a, b)}`]);
  }
  diffs.sort((x, y) => y[0] - x[0]);
  report.push(...diffs.slice(0, maxReported).map(([, line]) => line));
  if (diffs.length > maxReported) report.push(`... and ${diffs.length - maxReported} more of ${theirs.size} DevTools classes`);
  return report;
}
