import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotsPositional } from '../../args/snapshots.js';
import { reportOptions } from './options.js';

export const reportCommand: CommandSpec = {
  command: 'report <snapshots..>',
  describe: 'One self-contained HTML report: snapshots, leaks with retainer graphs, growth chart, class comparison',
  example: 'heapdiff report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html',
  builder: (y) =>
    withExamples(
      reportOptions
        .define(y.positional('snapshots', { ...snapshotsPositional, describe: 'Two or three snapshots of one process, oldest first (#1, #2, #3): leaks are objects new in #2 still alive in the last' }))
        .option('paths', { requiresArg: true, default: 3, describe: 'Retainer paths shown per leak group' })
        .option('threshold', { type: 'string', requiresArg: true, default: '1MB', describe: 'Retained size that marks a group as a leak' })
        .option('threshold-count', { requiresArg: true, default: 1000, describe: 'Object count that marks a group as a leak' }),
      [['$0 report *.heapsnapshot -o report.html', 'everything about the snapshots in one page']],
    ).epilogue('The page needs no network access: open it from disk or attach it to a bug. Its numbers equal the --json output of summary, diff (first vs last), leaks and growth, and are embedded as JSON in <script id="heapdiff-data">.'),
  run: async (args) => (await import('./run.js')).runReport(args),
};
