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
import { reportOptions } from './options.js';

export interface ReportArgs extends LoadArgs {
  snapshots: string[];
  output: string;
  paths?: unknown;
  threshold?: unknown;
  thresholdCount?: unknown;
  [option: string]: unknown;
}

/** The page lays out at most three snapshots (baseline, target, final). */
const MAX_SNAPSHOTS = 3;

/** Builds the report and writes it atomically; returns what it showed (the demo reuses the drawings). */
export async function writeReport(args: ReportArgs): Promise<ReportContent> {
  const [before, after, final] = readSnapshots(args.snapshots, 'report', 2, MAX_SNAPSHOTS, 'heapdiff report 1.heapsnapshot 2.heapsnapshot -o report.html') as [string, string, string?];
  const opts = reportOptions.read(args, args.snapshots);
  const output = opts.output!;
  if (!/^\.html?$/i.test(extname(output))) throw new UsageError(`-o ${output}: the report is an HTML file (use a .html name)`);
  const paths = parseCount(args.paths ?? 3, '--paths', 1);
  const thresholdBytes = parseSize(args.threshold ?? '1MB', '--threshold');
  const thresholdCount = parseCount(args.thresholdCount ?? 1000, '--threshold-count', 0);
  const content = await collectReport({
    before, after, final, limit: opts.limit, paths, thresholdBytes, thresholdCount,
    redact: opts.load.redact, quiet: opts.quiet, classes: opts.classes, minSize: opts.minSize, note: opts.note,
  });
  await writeFileAtomic(output, renderReportHtml(content));
  return content;
}

export async function runReport(args: ReportArgs): Promise<number> {
  const content = await writeReport(args);
  const groups = content.data.leaks.groups.length;
  const snapshots = content.data.summaries.length;
  if (args.quiet !== true) process.stdout.write(`${safeText(args.output, 200)}: ${plural(snapshots, 'snapshot')}, ${plural(groups, 'leak group')}\n`);
  return 0;
}
