import type { Argv } from 'yargs';
import { snapshotPositional } from './options.js';

export type GraphVerb = 'backrefs' | 'refs';

/** Options shared by `backrefs` and `refs` (objgraph's show_backrefs / show_refs). */
export function objectGraphBuilder(y: Argv, verb: GraphVerb): Argv<any> {
  const walked = verb === 'backrefs' ? 'retainers' : 'references';
  return y
    .positional('snapshot', snapshotPositional)
    .option('id', { type: 'string', array: true, describe: 'Start object id(s): 12345 or @12345' })
    .option('class', { type: 'string', describe: 'Start from a sample of this class (as `summary` names it)' })
    .option('sample', { type: 'number', default: 3, describe: 'With --class: how many instances (largest retained size first)' })
    .option('max-depth', { type: 'number', default: 3, describe: `Steps of ${walked} to follow` })
    .option('too-many', { type: 'number', default: 10, describe: `${walked[0]!.toUpperCase()}${walked.slice(1)} drawn per object; the rest become an "N more" box` })
    .option('weak', { type: 'boolean', default: false, describe: 'Follow weak references too (drawn dashed)' })
    .option('include-builtins', {
      type: 'boolean',
      default: false,
      describe: 'refs: also draw prototypes (__proto__), hidden classes and V8 internals (system / …, compiled code)',
      hidden: verb !== 'refs',
    })
    .option('highlight', { type: 'string', describe: 'Draw objects whose label matches this regex in blue' })
    .option('filter', { type: 'string', describe: 'Keep only objects whose label matches this regex (and what lies behind them)' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write graph.dot, graph.svg or graph.png (default: DOT on stdout)' })
    .conflicts('id', 'class');
}
