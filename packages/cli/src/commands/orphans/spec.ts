import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { snapshotPositional } from '../../args/options.js';
import { orphansOptions } from './options.js';

export const orphansCommand: CommandSpec = {
  command: 'orphans <snapshot>',
  describe: 'Objects no JavaScript object holds: kept by native handles, the stack or weak references only (objgraph "get_leaking_objects")',
  example: 'heapdiff orphans app.heapsnapshot',
  builder: (y) =>
    withExamples(orphansOptions.define(y.positional('snapshot', snapshotPositional)), [
      ['$0 orphans app.heapsnapshot', 'what native code and weak references hold'],
      ['$0 orphans app.heapsnapshot --sort count', 'the most numerous orphans first'],
    ]),
  run: async (args) => (await import('./run.js')).runOrphans(args),
  jsonSchema: async () => (await import('./schema.js')).OrphansOutputSchema,
};
