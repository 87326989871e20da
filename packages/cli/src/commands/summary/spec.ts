import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, limitOption, snapshotPositional } from '../../args/options.js';

export const summaryCommand: CommandSpec = {
  command: 'summary <snapshot>',
  describe: 'Type histogram: count, self and retained size per class (DevTools "Summary")',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('limit', limitOption)
      .option('sort', { choices: ['retained', 'self', 'count'] as const, default: 'retained' as const, describe: 'Order of the rows' })
      .option('json', jsonOption)
      .example('$0 summary app.heapsnapshot', 'the 20 classes that retain the most memory')
      .example('$0 summary app.heapsnapshot --sort count --limit 0', 'every class, most instances first'),
  run: async (args) => (await import('./run.js')).runSummary(args),
  jsonSchema: async () => (await import('./schema.js')).SummaryOutputSchema,
};
