import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { memoryOptions } from './options.js';

export const memoryCommand: CommandSpec = {
  command: 'memory <recording>',
  describe: 'Memory over time from `record` (heap used, RSS, …) as a terminal chart with the snapshots marked',
  example: 'heapdiff memory heapdiff-record-20260101-120000',
  builder: (y) =>
    withExamples(
      memoryOptions.define(y.positional('recording', { type: 'string', demandOption: true, describe: 'A directory `record` wrote (its memory.json), or a memory.json file' })),
      [
        ['$0 memory heapdiff-record-20260101-120000', 'heap used and RSS over the recording, snapshots marked'],
        ['$0 memory snaps -o memory.csv', 'the samples for a spreadsheet (json: memory.json as is)'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runMemory(args),
  jsonSchema: async () => (await import('./schema.js')).MemorySeriesSchema,
};
