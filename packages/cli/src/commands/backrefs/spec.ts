import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { objectGraphBuilder } from '../../args/object-graph-options.js';

export const backrefsCommand: CommandSpec = {
  command: 'backrefs <snapshot> [objects..]',
  describe: 'Graph of what keeps objects alive (objgraph show_backrefs) as DOT, SVG or PNG',
  example: 'heapdiff backrefs app.heapsnapshot @12345 -o why.svg',
  builder: (y) =>
    withExamples(objectGraphBuilder(y, 'backrefs'), [
      ['$0 backrefs app.heapsnapshot @12345 -o why.svg', 'why @12345 is alive, as SVG'],
      ['$0 backrefs app.heapsnapshot --class LeakyRequest', 'why 3 LeakyRequests are alive, as DOT'],
      ['$0 backrefs app.heapsnapshot @12345 | dot -Tpng >b.png', 'DOT on stdout for Graphviz'],
    ]),
  run: async (args) => (await import('./run.js')).runBackrefs(args),
};
