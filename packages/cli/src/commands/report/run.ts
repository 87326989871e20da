import { plural, safeText } from '@heapdiff/core';
import { extname } from 'node:path';
import { UsageError } from '../../errors.js';
import { assertNotInput, writeFileAtomic } from '../../output/atomic-write.js';
import { collectReport } from './collect.js';
import type { ReportContent } from './page/data.js';
import { renderReportHtml } from './page/html.js';
import { parseSize } from '../../args/size.js';
import type { LoadArgs } from '../../load/load-snapshot.js';

export interface ReportArgs extends LoadArgs {
  /** Oldest first: leaks are allocated between the first two and alive in the last. */
  snapshots: string[];
  output: string;
  limit: number;
  threshold: string;
  thresholdCount: number;
}

/** Builds the report and writes it atomically; returns what it showed (the demo reuses a drawing). */
export async function writeReport(args: ReportArgs): Promise<ReportContent> {
  const { snapshots } = args;
  if (snapshots.length < 2) throw new UsageError('report needs at least two snapshots of one process, oldest first: heapdiff report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html');
  if (!/^\.html?$/i.test(extname(args.output))) throw new UsageError(`-o ${args.output}: the report is an HTML file (use a .html name)`);
  assertNotInput(args.output, snapshots);
  const thresholds = { bytes: parseSize(args.threshold, '--threshold'), count: args.thresholdCount };
  const content = await collectReport({ snapshots, limit: args.limit, thresholds, redact: args.redact });
  await writeFileAtomic(args.output, renderReportHtml(content));
  return content;
}

export async function runReport(args: ReportArgs): Promise<number> {
  const content = await writeReport(args);
  const { leaks, summaries } = content.data;
  const names = leaks.leaks.filter((e) => e.verdict === 'leak').map((e) => e.holder.name);
  const count = names.length + leaks.more.leaks;
  const shown = names.slice(0, 3).map((n) => safeText(n, 80));
  const verdict = count === 0 ? 'no leak' : `${plural(count, 'leak')} (${shown.join(', ')}${count > shown.length ? ', …' : ''})`;
  process.stdout.write(`${safeText(args.output, 200)}: ${plural(summaries.length, 'snapshot')}, ${verdict}\n`);
  return 0;
}
