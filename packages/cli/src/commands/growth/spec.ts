import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotsPositional } from '../../args/snapshots.js';
import { growthOptions } from './options.js';

export const growthCommand: CommandSpec = {
  command: 'growth <snapshots..>',
  describe: 'Per-class counts over a series of snapshots, steadiest growers first (objgraph "show_growth")',
  example: 'heapdiff growth 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot',
  builder: (y) =>
    withExamples(
      growthOptions.define(
        y
          .positional('snapshots', { ...snapshotsPositional, describe: 'Two or more snapshots of one process, oldest first (#1, #2, …)' })
          .option('all', { type: 'boolean', default: false, describe: 'Also list classes that did not grow beyond their earlier peak' }),
      ),
      [
        ['$0 growth run-*.heapsnapshot', 'classes that grew past every earlier peak'],
        ['$0 growth 1.heapsnapshot 2.heapsnapshot --all', 'every class, grown or not'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runGrowth(args),
  jsonSchema: async () => (await import('./schema.js')).GrowthOutputSchema,
};
