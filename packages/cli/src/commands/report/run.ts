import { plural, safeText } from '@heapdiff/core';
import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { parseCount } from '../../args/numbers.js';
import { parseSize } from '../../args/size.js';
import { readSnapshots } from '../../args/snapshots.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { collectReport } from './collect.js';
import type { ReportContent } from './page/data.js';
import { renderReportHtml } from './page/html.js';
import type { LoadArgs } from '../../load/load-snapshot.js';
import { refuseStdinReadTwice } from '../../load/stdin.js';
import { reportOptions } from './options.js';

export interface ReportArgs extends LoadArgs {
  /** Oldest first: leaks are allocated between the first two and alive in the last. */
  snapshots: string[];
  output: string;
  threshold?: unknown;
  thresholdCount?: unknown;
  [option: string]: unknown;
}

/** Builds the report and writes it atomically; returns what it showed (the demo reuses a drawing). */
export async function writeReport(args: ReportArgs): Promise<ReportContent> {
  const snapshots = readSnapshots(args.snapshots, 'report', 2, Infinity, 'heapdiff report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html');
  const opts = reportOptions.read(args, snapshots);
  const output = opts.output!;
  if (!/^\.html?$/i.test(extname(output))) throw new UsageError(`-o ${output}: the report is an HTML file (use a .html name)`);
  refuseStdinReadTwice('report', snapshots.slice(0, -1));
  const thresholds = { bytes: parseSize(args.threshold ?? '1MB', '--threshold'), count: parseCount(args.thresholdCount ?? 1000, '--threshold-count', 0) };
  const content = await collectReport({
    snapshots, limit: opts.limit, thresholds, redact: opts.load.redact, quiet: opts.quiet, classes: opts.classes, minSize: opts.minSize, note: opts.note,
  });
  await writeFileAtomic(output, renderReportHtml(content));
  return content;
}

export async function runReport(args: ReportArgs): Promise<number> {
  const content = await writeReport(args);
  const { leaks, summaries } = content.data;
  const names = leaks.leaks.filter((e) => e.verdict === 'leak').map((e) => e.holder.name);
  const count = names.length + leaks.more.leaks;
  const shown = names.slice(0, 3).map((n) => safeText(n, 80));
  const verdict = count === 0 ? 'no leak' : `${plural(count, 'leak')} (${shown.join(', ')}${count > shown.length ? ', …' : ''})`;
  if (args.quiet !== true) process.stdout.write(`${safeText(args.output, 200)}: ${plural(summaries.length, 'snapshot')}, ${verdict}\n`);
  return 0;
}
