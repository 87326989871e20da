import type { CommandSpec } from './command-spec.js';

export const demoCommand: CommandSpec = {
  command: 'demo',
  describe: 'Run a bundled leaking program, snapshot it, and walk through the analysis',
  builder: (y) => y.option('keep', { type: 'string', describe: 'Directory to keep the demo snapshots in' }),
  run: async (args) => (await import('./demo.js')).runDemo(args),
};
