import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotPositional } from '../../args/options.js';
import { suspectsOptions } from './options.js';

export const suspectsCommand: CommandSpec = {
  command: 'suspects <snapshot>',
  describe: 'One snapshot, near the heap limit: the holders retaining the largest shares of the heap (Eclipse MAT\'s leak suspects)',
  example: 'heapdiff suspects prod.heapsnapshot',
  builder: (y) =>
    withExamples(
      suspectsOptions
        .define(y.positional('snapshot', snapshotPositional))
        .option('min-share', { type: 'string', requiresArg: true, default: '2%', describe: 'A suspect retains at least this share of the heap (2%, 0.02)' }),
      [['$0 suspects prod.heapsnapshot', 'where a heap near its limit accumulates']],
    ),
  run: async (args) => (await import('./run.js')).runSuspects(args),
  jsonSchema: async () => (await import('./schema.js')).SuspectsOutputSchema,
};
