import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, snapshotPositional } from '../../args/options.js';

export const suspectsCommand: CommandSpec = {
  command: 'suspects <snapshot>',
  describe: 'One snapshot, near the heap limit: the holders retaining the largest shares of the heap (Eclipse MAT\'s leak suspects)',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('limit', { type: 'number', default: 10, describe: 'Suspects to show (0 = all)' })
      .option('min-share', { type: 'string', default: '2%', describe: 'A suspect retains at least this share of the heap (2%, 0.02)' })
      .option('json', jsonOption)
      .example('$0 suspects prod.heapsnapshot', 'where the memory of a heap near its limit accumulates'),
  run: async (args) => (await import('./run.js')).runSuspects(args),
  jsonSchema: async () => (await import('./schema.js')).SuspectsOutputSchema,
};
