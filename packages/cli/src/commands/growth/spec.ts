import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, limitOption } from '../../args/options.js';

export const growthCommand: CommandSpec = {
  command: 'growth <snapshots..>',
  describe: 'Per-class counts over a series of snapshots, steadiest growers first (objgraph "show_growth")',
  builder: (y) =>
    y
      .positional('snapshots', { type: 'string', array: true, demandOption: true, describe: 'Two or more .heapsnapshot files, oldest first' })
      .option('limit', limitOption)
      .option('all', { type: 'boolean', default: false, describe: 'Also list classes that did not grow beyond their earlier peak' })
      .option('json', jsonOption)
      .example('$0 growth run-*.heapsnapshot', 'classes whose count grew past every earlier peak')
      .example('$0 growth 1.heapsnapshot 2.heapsnapshot --all --json', 'every class, as JSON'),
  run: async (args) => (await import('./run.js')).runGrowth(args),
  jsonSchema: async () => (await import('./schema.js')).GrowthOutputSchema,
};
