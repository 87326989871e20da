import type { CommandSpec } from '../../args/command-spec.js';
import { objectGraphBuilder } from '../../args/object-graph-options.js';

export const refsCommand: CommandSpec = {
  command: 'refs <snapshot>',
  describe: 'Graph of what objects hold on to (objgraph show_refs) as DOT, SVG or PNG',
  builder: (y) =>
    objectGraphBuilder(y, 'refs')
      .example('$0 refs app.heapsnapshot --id @12345 -o refs.svg', 'what one object keeps alive, biggest first')
      .example('$0 refs app.heapsnapshot --class Cache --sample 1 --filter Map', 'only the Map objects under one Cache'),
  run: async (args) => (await import('./run.js')).runRefs(args),
};
