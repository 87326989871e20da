import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotsPositional } from '../../args/snapshots.js';
import { leaksOptions } from './options.js';

export const leaksCommand: CommandSpec = {
  command: 'leaks <snapshots..>',
  describe: 'What survived that should have died, one entry per holder, named in the program\'s words',
  example: 'heapdiff leaks 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot',
  builder: (y) =>
    withExamples(
      leaksOptions
        .define(y.positional('snapshots', {
          ...snapshotsPositional,
          describe: 'Two or more snapshots of one process, oldest first (#1, #2, …): leaks are allocated between #1 and #2 and alive in the last (only the last is read whole)',
        }))
        .option('by', { choices: ['holder', 'class'] as const, default: 'holder' as const, describe: 'One entry per holder (where leaked objects accumulate), or per class (DevTools-style groups)' })
        .option('fail-on-leak', { type: 'boolean', default: false, describe: 'Exit 1 when an entry is a leak: it grew in every interval (3+ snapshots) or reaches a threshold (for CI)' })
        .option('threshold', { type: 'string', requiresArg: true, default: '1MB', describe: 'Retained size from which an entry is a leak whether it grows or not (1000000, 500kB, 1MB)' })
        .option('threshold-count', { requiresArg: true, default: 1000, describe: 'Object count from which an entry is a leak whether it grows or not' })
        .option('paths', { requiresArg: true, default: 3, describe: 'With --by class: retainer paths shown per group' })
        .option('full-path', { type: 'boolean', default: false, describe: 'Show each path from the GC root as DevTools has it, not from the module' }),
      [
        ['$0 leaks 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot', 'who holds what survived, and whether it keeps growing'],
        ['$0 leaks 1.heapsnapshot 2.heapsnapshot 3.heapsnapshot --fail-on-leak', 'a CI gate: exit 1 on a leak'],
        ['$0 leaks 1.heapsnapshot 2.heapsnapshot --by class', 'the leaked objects by class'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runLeaks(args),
  jsonSchema: async () => (await import('./schema.js')).LeaksOutputSchema,
};
