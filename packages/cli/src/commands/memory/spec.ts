import type { CommandSpec } from '../../args/command-spec.js';

export const memoryCommand: CommandSpec = {
  command: 'memory <recording>',
  describe: 'Memory over time from `record` (heap used, RSS, …) as a terminal chart with the snapshots marked',
  builder: (y) =>
    y
      .positional('recording', { type: 'string', demandOption: true, describe: 'A directory `record` wrote (its memory.json), or a memory.json file' })
      .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'table' as const, describe: 'table: the chart and the snapshots; json: memory.json as is; csv: one row per sample' })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json (schema in packages/cli/schemas)' })
      .example('$0 memory heapdiff-record-20260101-120000', 'heap used and RSS over the recording, snapshots marked')
      .example('$0 memory snaps --format csv > memory.csv', 'the samples for a spreadsheet'),
  run: async (args) => (await import('./run.js')).runMemory(args),
  jsonSchema: async () => (await import('./schema.js')).MemorySeriesSchema,
};
