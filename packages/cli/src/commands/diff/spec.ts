import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotPositional } from '../../args/options.js';
import { diffOptions } from './options.js';

export const diffCommand: CommandSpec = {
  command: 'diff <before> <after>',
  describe: 'Objects added and removed per class between two snapshots of one process (DevTools "Comparison")',
  example: 'heapdiff diff 1.heapsnapshot 2.heapsnapshot',
  builder: (y) =>
    withExamples(
      diffOptions.define(
        y
          .positional('before', { ...snapshotPositional, describe: 'The older snapshot' })
          .positional('after', { ...snapshotPositional, describe: 'The newer snapshot, of the same process' }),
      ),
      [
        ['$0 diff 1.heapsnapshot 2.heapsnapshot', 'the 20 classes that grew the most'],
        ['$0 diff 1.heapsnapshot 2.heapsnapshot --json', 'the same as JSON'],
        ['$0 diff 1.heapsnapshot 2.heapsnapshot --min-size 1MB', 'classes that changed by 1 MB or more'],
      ],
    ).epilogue('Objects are matched by id, which V8 keeps stable only within one process: compare snapshots of the same run.'),
  run: async (args) => (await import('./run.js')).runDiff(args),
  jsonSchema: async () => (await import('./schema.js')).DiffOutputSchema,
};
