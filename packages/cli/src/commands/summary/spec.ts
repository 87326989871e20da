import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotPositional } from '../../args/options.js';
import { summaryOptions } from './options.js';

export const summaryCommand: CommandSpec = {
  command: 'summary <snapshot>',
  describe: 'Type histogram: count, self and retained size per class (DevTools "Summary")',
  example: 'heapdiff summary app.heapsnapshot',
  builder: (y) =>
    withExamples(summaryOptions.define(y.positional('snapshot', snapshotPositional)), [
      ['$0 summary app.heapsnapshot', 'the 20 classes that retain the most'],
      ['$0 summary app.heapsnapshot --sort count', 'the most instances first'],
      ['$0 summary app.heapsnapshot --class Session', 'classes whose name has Session'],
      ['$0 summary app.heapsnapshot -o classes.csv', 'every shown row as CSV'],
    ]),
  run: async (args) => (await import('./run.js')).runSummary(args),
  jsonSchema: async () => (await import('./schema.js')).SummaryOutputSchema,
};
