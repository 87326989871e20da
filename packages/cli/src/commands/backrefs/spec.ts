import type { CommandSpec } from '../../args/command-spec.js';
import { objectGraphBuilder } from '../../args/object-graph-options.js';

export const backrefsCommand: CommandSpec = {
  command: 'backrefs <snapshot>',
  describe: 'Graph of what keeps objects alive (objgraph show_backrefs) as DOT, SVG or PNG',
  builder: (y) =>
    objectGraphBuilder(y, 'backrefs')
      .example('$0 backrefs app.heapsnapshot --class LeakyRequest -o leak.svg', 'why three LeakyRequest objects are alive')
      .example('$0 backrefs app.heapsnapshot --id @12345 --max-depth 5 | dot -Tpng > backrefs.png', 'DOT on stdout'),
  run: async (args) => (await import('./run.js')).runBackrefs(args),
};
