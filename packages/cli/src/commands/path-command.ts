import type { CommandSpec } from './command-spec.js';
import { jsonOption, nodeIdOption, snapshotPositional } from './options.js';

export const pathCommand: CommandSpec = {
  command: 'path <snapshot>',
  describe: 'Shortest retainer path from a GC root to an object, weak edges ignored (objgraph "find_backref_chain")',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('id', nodeIdOption)
      .option('json', jsonOption)
      .example('$0 path app.heapsnapshot --id @78533', 'who keeps object @78533 alive'),
  run: async (args) => (await import('./path.js')).runPath(args),
};
