import { formatCount, safeText } from '@heapdiff/core';
import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { assertNotInput, writeFileAtomic } from '../../output/atomic-write.js';
import { collectReport } from './collect.js';
import type { ReportContent } from './page/data.js';
import { renderReportHtml } from './page/html.js';
import { parseSize } from '../../args/size.js';
import type { LoadArgs } from '../../load/load-snapshot.js';
import { refuseStdinReadTwice } from '../../load/stdin.js';

export interface ReportArgs extends LoadArgs {
  before: string;
  after: string;
  final?: string;
  output: string;
  limit: number;
  paths: number;
  threshold: string;
  thresholdCount: number;
}

/** Builds the report and writes it atomically; returns what it showed (the demo reuses the drawings). */
export async function writeReport(args: ReportArgs): Promise<ReportContent> {
  const inputs = [args.before, args.after, ...(args.final ? [args.final] : [])];
  if (!/^\.html?$/i.test(extname(args.output))) throw new UsageError(`-o ${args.output}: the report is an HTML file (use a .html name)`);
  assertNotInput(args.output, inputs);
  refuseStdinReadTwice('report', args.final ? [args.before, args.after] : [args.before]);
  if (!Number.isInteger(args.paths) || args.paths < 1) throw new UsageError('--paths must be an integer >= 1');
  const thresholdBytes = parseSize(args.threshold, '--threshold');
  const content = await collectReport({
    before: args.before, after: args.after, final: args.final, limit: args.limit, paths: args.paths,
    thresholdBytes, thresholdCount: args.thresholdCount, redact: args.redact,
  });
  await writeFileAtomic(args.output, renderReportHtml(content));
  return content;
}

export async function runReport(args: ReportArgs): Promise<number> {
  const content = await writeReport(args);
  const groups = content.data.leaks.groups.length;
  const snapshots = content.data.summaries.length;
  process.stdout.write(`${safeText(args.output, 200)}: ${snapshots} snapshots, ${formatCount(groups)} leak group${groups === 1 ? '' : 's'}\n`);
  return 0;
}
