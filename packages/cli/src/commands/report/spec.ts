import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotsPositional } from '../../args/snapshots.js';
import { reportOptions } from './options.js';

export const reportCommand: CommandSpec = {
  command: 'report <snapshots..>',
  describe: 'One self-contained HTML report that opens with the verdict: what leaks, where in the code, how fast',
  example: 'heapdiff report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html',
  builder: (y) =>
    withExamples(
      reportOptions
        .define(y.positional('snapshots', { ...snapshotsPositional, describe: 'Two or more snapshots of one process, oldest first (#1, #2, …): leaks are allocated between #1 and #2 and alive in the last; growth is over all' }))
        .option('threshold', { type: 'string', requiresArg: true, default: '1MB', describe: 'Retained size from which a holder is a leak whether it grows or not (as for leaks)' })
        .option('threshold-count', { requiresArg: true, default: 1000, describe: 'Object count from which a holder is a leak whether it grows or not' }),
      [['$0 report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html', 'the verdict and everything behind it in one page']],
    ).epilogue('The page needs no network access: open it from disk or attach it to a bug. Its numbers equal the --json output of summary, diff (first vs last), leaks and growth, and are embedded as JSON in <script id="heapdiff-data">.'),
  run: async (args) => (await import('./run.js')).runReport(args),
};
