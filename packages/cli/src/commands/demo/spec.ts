import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { demoOptions } from './options.js';

export const demoCommand: CommandSpec = {
  command: 'demo',
  describe: 'Run a bundled leaking program, snapshot it, and walk through the analysis and the report',
  example: 'heapdiff demo',
  builder: (y) =>
    withExamples(demoOptions.define(y), [
      ['$0 demo', 'everything goes to ./heapdiff-demo/'],
      ['$0 demo --out-dir /tmp/demo --quiet', 'only the files, no walk-through'],
    ]),
  run: async (args) => (await import('./run.js')).runDemo(args),
};
