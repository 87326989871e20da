import type { CommandSpec } from '../../args/command-spec.js';
import { limitOption, snapshotPositional } from '../../args/options.js';

export const reportCommand: CommandSpec = {
  command: 'report <before> <after> [final]',
  describe: 'One self-contained HTML report: snapshots, leaks with retainer graphs, growth chart, class comparison',
  builder: (y) =>
    y
      .positional('before', { ...snapshotPositional, describe: 'Snapshot before the suspect phase' })
      .positional('after', { ...snapshotPositional, describe: 'Snapshot after it' })
      .positional('final', { type: 'string', describe: 'Optional later snapshot: leaks must still be alive here' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'The HTML file to write (report.html)' })
      .option('limit', { ...limitOption, describe: 'Rows per table and leak groups (0 = all)' })
      .option('paths', { type: 'number', default: 3, describe: 'Retainer paths shown per leak group' })
      .option('threshold', { type: 'string', default: '1MB', describe: 'Retained size that marks a group as a leak' })
      .option('threshold-count', { type: 'number', default: 1000, describe: 'Object count that marks a group as a leak' })
      .epilogue('The page needs no network access: open it from disk or attach it to a bug. Its numbers equal the --json output of summary, diff (first vs last), leaks and growth, and are embedded as JSON in <script id="heapdiff-data">.')
      .example('$0 report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html', 'everything about three snapshots in one page'),
  run: async (args) => (await import('./run.js')).runReport(args),
};
