import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, limitOption } from '../../args/options.js';

export const leaksCommand: CommandSpec = {
  command: 'leaks <baseline> <target> [final]',
  describe: 'Objects allocated after <baseline> that are still alive, grouped by class, with retainer paths',
  builder: (y) =>
    y
      .positional('baseline', { type: 'string', demandOption: true, describe: 'Snapshot before the suspect phase (only its ids are read)' })
      .positional('target', { type: 'string', demandOption: true, describe: 'Snapshot after the suspect phase' })
      .positional('final', { type: 'string', describe: 'Optional later snapshot: leaks must still be alive here' })
      .option('limit', limitOption)
      .option('fail-on-leak', { type: 'boolean', default: false, describe: 'Exit 1 when a group reaches a threshold (for CI)' })
      .option('threshold', { type: 'string', default: '1MB', describe: 'Retained size that makes a group a leak (1000000, 500kB, 1MB)' })
      .option('threshold-count', { type: 'number', default: 1000, describe: 'Object count that makes a group a leak' })
      .option('paths', { type: 'number', default: 3, describe: 'Retainer paths shown per group' })
      .option('graph', { type: 'string', describe: 'Write each group\'s retainer paths as a drawing to DIR (NN-Class.dot and NN-Class.svg)' })
      .option('json', jsonOption)
      .example('$0 leaks before.heapsnapshot after.heapsnapshot', 'what survived between two snapshots')
      .example('$0 leaks s1.heapsnapshot s2.heapsnapshot s3.heapsnapshot --fail-on-leak', 'memlab-style three snapshots, as a CI gate')
      .example('$0 leaks before.heapsnapshot after.heapsnapshot --graph leak-graphs', 'also draw who holds each group (SVG, no Graphviz install needed)'),
  run: async (args) => (await import('./run.js')).runLeaks(args),
  jsonSchema: async () => (await import('./schema.js')).LeaksOutputSchema,
};
