import type { CommandSpec } from '../../args/command-spec.js';
import { jsonOption, limitOption, snapshotPositional } from '../../args/options.js';

export const orphansCommand: CommandSpec = {
  command: 'orphans <snapshot>',
  describe: 'Objects no JavaScript object holds: kept by native handles, the stack or weak references only (objgraph "get_leaking_objects")',
  builder: (y) =>
    y
      .positional('snapshot', snapshotPositional)
      .option('limit', limitOption)
      .option('json', jsonOption)
      .example('$0 orphans app.heapsnapshot', 'what native code, the stack and weak references hold, by class'),
  run: async (args) => (await import('./run.js')).runOrphans(args),
  jsonSchema: async () => (await import('./schema.js')).OrphansOutputSchema,
};
