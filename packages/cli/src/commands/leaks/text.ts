import {
  describeWhere, formatCount, formatPath, formatSignedCount, formatSize, holderName, holderShapeText, pathView, plural,
  programPathView, safeText, visible, type CodeNames, type HeapAnalysis, type LeakHolder, type LeakHolderReport,
} from '@heapdiff/core';
import type { Colors } from '../../output/colors.js';
import { shellQuote } from '../../output/shell-quote.js';
import type { Thresholds } from './json.js';

/** Classes listed per entry; the rest are counted. */
const CLASSES_SHOWN = 4;

export interface HolderTextOptions {
  /** Snapshot file names, oldest first. */
  files: string[];
  thresholds: Thresholds;
  /** Show the path from the root as DevTools has it, instead of from the module. */
  fullPath: boolean;
  colors: Colors;
  /** `--quiet`: no hint of what to run next. */
  quiet?: boolean;
  /** The last snapshot as given on the command line, for the command to run next (default: its file name). */
  lastPath?: string;
}

/** `leaks` by holder for a person: the verdict first, then one block per holder. */
export function formatHolderReport(analysis: HeapAnalysis, code: CodeNames, report: LeakHolderReport, options: HolderTextOptions): string[] {
  const { files, colors: pc } = options;
  const first = safeText(files[0]!, 200);
  const second = safeText(files[1]!, 200);
  const last = safeText(files.at(-1)!, 200);
  const out: string[] = [];
  const leaks = report.entries.filter((e) => e.verdict === 'leak');
  const totalLeaks = leaks.length + report.more.leaks;
  const names = leaks.slice(0, 3).map((e) => visible(holderName(analysis, code, e)));
  if (report.entries.length === 0) {
    out.push(`No leak: no object allocated between ${first} and ${second} is still alive in ${last}.`);
    return out;
  }
  out.push(totalLeaks === 0
    ? pc.green(`No leak: nothing that survived from ${first} to ${last} keeps growing${report.intervals < 2 ? ' (take a third snapshot to judge growth)' : ''}.`)
    : pc.red(pc.bold(`${plural(totalLeaks, 'leak')}: ${names.join(', ')}${totalLeaks > names.length ? ', …' : ''}`)));
  out.push(pc.dim(`${formatCount(report.leakedCount)} objects allocated between ${first} and ${second} are alive in ${last}${files.length > 3 ? ` (${files.length} snapshots)` : ''}.`));
  report.entries.forEach((entry, i) => {
    out.push('', ...formatEntry(analysis, code, entry, i + 1, options));
  });
  if (report.more.entries > 0) {
    out.push('', `… ${plural(report.more.entries, 'more holder')} of ${plural(report.more.members, 'object')}${report.more.leaks > 0 ? `, ${plural(report.more.leaks, 'leak')} among them` : ''} (--limit 0 shows all)`);
  }
  const top = report.entries[0]!;
  const lastPath = safeText(shellQuote(options.lastPath ?? files.at(-1)!), 400);
  if (!options.quiet) out.push('', pc.dim(`Next: heapdiff path ${lastPath} @${analysis.graph.nodeId[top.ordinal]}  (the whole path from a GC root), or --by class for the leaked objects by class.`));
  return out;
}

function formatEntry(analysis: HeapAnalysis, code: CodeNames, entry: LeakHolder, rank: number, options: HolderTextOptions): string[] {
  const g = analysis.graph;
  const pc = options.colors;
  const name = visible(holderName(analysis, code, entry));
  const where = describeWhere(entry.name);
  const verdict = verdictText(entry, options.thresholds);
  const out = [`${pc.bold(`#${rank} ${name}`)}  ${pc.dim(`(${safeText(where, 160)})`)}  ${entry.verdict === 'leak' ? pc.red(verdict) : verdict}`];
  const siblings = entry.siblings > 1 ? `, one of ${formatCount(entry.siblings)} alike` : '';
  out.push(`   ${holderShapeText(entry)}${siblings}, retains ${formatSize(entry.retainedSize)} @${g.nodeId[entry.ordinal]}`);
  const classes = entry.classes.slice(0, CLASSES_SHOWN).map((c) => `${formatCount(c.count)} ${safeText(c.name, 100)}`);
  const moreClasses = entry.classes.length > CLASSES_SHOWN ? `, ${plural(entry.classes.length - CLASSES_SHOWN, 'more class', 'more classes')}` : '';
  out.push(`   holds ${plural(entry.members.count, 'object')} that survived (retaining ${formatSize(entry.members.retainedSize)}): ${classes.join(', ')}${moreClasses}`);
  if (entry.growth && entry.growth.gained.length > 0) {
    const steps = entry.growth.gained.map((step) => `${formatSignedCount(step.count)} (${formatSize(step.size)})`);
    out.push(`   gained ${steps.join(', then ')} objects it still holds, interval by interval`);
  }
  const path = options.fullPath ? pathView(analysis, entry.path, { code }) : programPathView(analysis, code, entry.path, entry.name);
  out.push(...formatPath(path, '   '));
  return out;
}

function verdictText(entry: LeakHolder, thresholds: Thresholds): string {
  const over = entry.members.retainedSize >= thresholds.bytes || entry.members.count >= thresholds.count;
  switch (entry.verdict) {
    case 'leak':
      if (entry.growth?.everyInterval && entry.growth.gained.length >= 2) return '← leak: grows in every interval';
      return over ? `← leak: over the thresholds (${formatSize(thresholds.bytes)} or ${formatCount(thresholds.count)} objects)` : '← leak';
    case 'not growing':
      return 'not growing (it gained nothing in some interval)';
    case 'below thresholds':
      return 'below the thresholds';
  }
}
