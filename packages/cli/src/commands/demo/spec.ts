import type { CommandSpec } from '../../args/command-spec.js';

export const demoCommand: CommandSpec = {
  command: 'demo',
  describe: 'Run a bundled leaking program, snapshot it, and walk through the analysis and the report',
  builder: (y) =>
    y
      .option('output', {
        alias: 'o',
        type: 'string',
        default: 'heapdiff-demo',
        describe: 'Directory for the snapshots, demo-report.html and demo-retainers.svg',
      })
      .example('$0 demo', 'everything goes to ./heapdiff-demo/'),
  run: async (args) => (await import('./run.js')).runDemo(args),
};
