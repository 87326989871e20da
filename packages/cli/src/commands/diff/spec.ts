import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, limitOption, snapshotPositional } from '../../args/options.js';

export const diffCommand: CommandSpec = {
  command: 'diff <before> <after>',
  describe: 'Objects added and removed per class between two snapshots of one process (DevTools "Comparison")',
  builder: (y) =>
    y
      .positional('before', { ...snapshotPositional, describe: 'The older snapshot' })
      .positional('after', { ...snapshotPositional, describe: 'The newer snapshot, of the same process' })
      .option('limit', limitOption)
      .option('json', jsonOption)
      .epilogue('Objects are matched by id, which V8 keeps stable only within one process: compare snapshots of the same run.')
      .example('$0 diff 1.heapsnapshot 2.heapsnapshot', 'the 20 classes that grew the most')
      .example('$0 diff 1.heapsnapshot 2.heapsnapshot --limit 0 --json', 'every changed class, as JSON'),
  run: async (args) => (await import('./run.js')).runDiff(args),
  jsonSchema: async () => (await import('./schema.js')).DiffOutputSchema,
};
