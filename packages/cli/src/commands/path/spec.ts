import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, nodeIdOption, snapshotPositional } from '../../args/options.js';

export const pathCommand: CommandSpec = {
  command: 'path <snapshot>',
  describe: 'Shortest retainer path from a GC root to an object, weak edges ignored (objgraph "find_backref_chain")',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('id', nodeIdOption)
      .option('json', jsonOption)
      .option('dot', { type: 'boolean', default: false, describe: 'Print the path as a Graphviz DOT drawing instead of text' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the drawing to path.dot, path.svg or path.png' })
      .example('$0 path app.heapsnapshot --id @78533', 'who keeps object @78533 alive')
      .example('$0 path app.heapsnapshot --id @78533 -o why.svg', 'the same as a drawing (no Graphviz install needed)'),
  run: async (args) => (await import('./run.js')).runPath(args),
  jsonSchema: async () => (await import('./schema.js')).PathOutputSchema,
};
