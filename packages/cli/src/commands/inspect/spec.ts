import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, nodeIdOption, snapshotPositional } from '../../args/options.js';

export const inspectCommand: CommandSpec = {
  command: 'inspect <snapshot>',
  describe: 'One object: sizes, distance, dominator, its edges and its retainers',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('id', nodeIdOption)
      .option('limit', { type: 'number', default: 50, describe: 'Edges and retainers to list (0 = all)' })
      .option('json', jsonOption)
      .example('$0 inspect app.heapsnapshot --id @78533', 'what object @78533 holds and what holds it'),
  run: async (args) => (await import('./run.js')).runInspect(args),
  jsonSchema: async () => (await import('./schema.js')).InspectOutputSchema,
};
