import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { idOption, idsPositional } from '../../args/object-ids.js';
import { snapshotPositional } from '../../args/options.js';
import { inspectOptions } from './options.js';

export const inspectCommand: CommandSpec = {
  command: 'inspect <snapshot> [object]',
  describe: 'One object: sizes, distance, dominator, its edges and its retainers',
  example: 'heapdiff inspect app.heapsnapshot @78533',
  builder: (y) =>
    withExamples(
      inspectOptions.define(
        y
          .positional('snapshot', snapshotPositional)
          .positional('object', { ...idsPositional, array: false, describe: 'Object id: 12345 or @12345, as DevTools shows it' })
          .option('id', { ...idOption, array: false, describe: 'The object id, as an option' }),
      ),
      [
        ['$0 inspect app.heapsnapshot @78533', 'what @78533 holds and what holds it'],
        ['$0 inspect app.heapsnapshot @78533 --limit 0', 'every edge and retainer'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runInspect(args),
  jsonSchema: async () => (await import('./schema.js')).InspectOutputSchema,
};
