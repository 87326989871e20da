import type { Argv } from 'yargs';
import { idOption, idsPositional } from './object-ids.js';
import { snapshotPositional } from './options.js';
import { sharedOptions } from './shared-options.js';

export type GraphVerb = 'backrefs' | 'refs';

/** `-o FILE` (and `--color`, `--quiet`): the shared options of `backrefs` and `refs`. */
export const objectGraphShared = sharedOptions({
  output: { describe: 'Write graph.dot, graph.svg or graph.png (default: DOT on stdout)' },
});

/** Options shared by `backrefs` and `refs` (objgraph's show_backrefs / show_refs). */
export function objectGraphBuilder(y: Argv, verb: GraphVerb): Argv<any> {
  const walked = verb === 'backrefs' ? 'retainers' : 'references';
  // The numbers have no yargs type: `--max-depth abc` must reach parseCount as typed.
  const count = { requiresArg: true } as const;
  return objectGraphShared.define(
    y
      .positional('snapshot', snapshotPositional)
      .positional('objects', { ...idsPositional, describe: 'Start object id(s): 12345 or @12345' })
      .option('id', idOption)
      .option('class', { type: 'string', requiresArg: true, describe: 'Start from the largest instances of this class (its name as summary shows it, or a regex matching one class)' })
      .option('sample', { ...count, default: 3, describe: 'With --class: how many instances (largest retained size first)' })
      .option('max-depth', { ...count, default: 3, describe: `Steps of ${walked} to follow` })
      .option('too-many', { ...count, default: 10, describe: `${walked[0]!.toUpperCase()}${walked.slice(1)} drawn per object; the rest become an "N more" box` })
      .option('weak', { type: 'boolean', default: false, describe: 'Follow weak references too (drawn dashed)' })
      .option('include-builtins', {
        type: 'boolean',
        default: false,
        describe: 'refs: also draw prototypes (__proto__), hidden classes and V8 internals (system / …, compiled code)',
        hidden: verb !== 'refs',
      })
      .option('highlight', { type: 'string', requiresArg: true, describe: 'Draw objects whose label matches this regex in blue' })
      .option('filter', { type: 'string', requiresArg: true, describe: 'Keep only objects whose label matches this regex (and what lies behind them)' }),
  );
}
