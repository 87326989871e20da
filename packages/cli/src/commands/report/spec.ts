import type { CommandSpec } from '../../args/command-spec.js';
import { limitOption } from '../../args/options.js';

export const reportCommand: CommandSpec = {
  command: 'report <snapshots..>',
  describe: 'One self-contained HTML report that opens with the verdict: what leaks, where in the code, how fast',
  builder: (y) =>
    y
      .positional('snapshots', {
        type: 'string', array: true, demandOption: true,
        describe: 'Two or more snapshots of one process, oldest first: leaks are allocated between the first two and alive in the last; growth is over all',
      })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'The HTML file to write (report.html)' })
      .option('limit', { ...limitOption, describe: 'Rows per table and leak entries (0 = all)' })
      .option('threshold', { type: 'string', default: '1MB', describe: 'Retained size from which a holder is a leak whether it grows or not (as for leaks)' })
      .option('threshold-count', { type: 'number', default: 1000, describe: 'Object count from which a holder is a leak whether it grows or not' })
      .epilogue('The page needs no network access: open it from disk or attach it to a bug. Its numbers equal the --json output of summary, diff (first vs last), leaks and growth, and are embedded as JSON in <script id="heapdiff-data">.')
      .example('$0 report 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot -o report.html', 'the verdict and everything behind it in one page'),
  run: async (args) => (await import('./run.js')).runReport(args),
};
