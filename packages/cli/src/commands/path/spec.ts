import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { idOption, idsPositional } from '../../args/object-ids.js';
import { snapshotPositional } from '../../args/options.js';
import { pathOptions } from './options.js';

export const pathCommand: CommandSpec = {
  command: 'path <snapshot> [object]',
  describe: 'Shortest retainer path from a GC root to an object, weak edges ignored (objgraph "find_backref_chain")',
  example: 'heapdiff path app.heapsnapshot @78533',
  builder: (y) =>
    withExamples(
      pathOptions.define(
        y
          .positional('snapshot', snapshotPositional)
          .positional('object', { ...idsPositional, array: false, describe: 'Object id: 12345 or @12345, as DevTools shows it' })
          .option('id', { ...idOption, array: false, describe: 'The object id, as an option' })
          .option('dot', { type: 'boolean', default: false, describe: 'Print the path as a Graphviz DOT drawing instead of text' }),
      ),
      [
        ['$0 path app.heapsnapshot @78533', 'who keeps object @78533 alive'],
        ['$0 path app.heapsnapshot @78533 -o why.svg', 'the same as a drawing'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runPath(args),
  jsonSchema: async () => (await import('./schema.js')).PathOutputSchema,
};
