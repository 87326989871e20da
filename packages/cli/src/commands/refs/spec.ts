import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { objectGraphBuilder } from '../../args/object-graph-options.js';

export const refsCommand: CommandSpec = {
  command: 'refs <snapshot> [objects..]',
  describe: 'Graph of what objects hold on to (objgraph show_refs) as DOT, SVG or PNG',
  example: 'heapdiff refs app.heapsnapshot @12345 -o refs.svg',
  builder: (y) =>
    withExamples(objectGraphBuilder(y, 'refs'), [
      ['$0 refs app.heapsnapshot @12345 -o refs.svg', 'what one object keeps alive'],
      ['$0 refs app.heapsnapshot --class Cache --filter Map', 'only the Maps under a Cache'],
    ]),
  run: async (args) => (await import('./run.js')).runRefs(args),
};
