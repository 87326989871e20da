import type { Argv } from 'yargs';

/** Options every command takes; main.ts defines them once, as global yargs options. */
export function defineGlobalOptions(y: Argv): Argv {
  return y
    .option('color', {
      type: 'boolean',
      describe: 'Colour the output; --no-color never [default: on a terminal; NO_COLOR, FORCE_COLOR]',
      global: true,
    })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only the result: no progress, notes or hints', global: true })
    .option('debug', { type: 'boolean', describe: 'Print stack traces for errors', global: true })
    .option('redact', {
      type: 'boolean',
      describe: 'Show values from the heap (strings, regexp sources, DOM attributes) as <string len=N #…>, keyed per run, in every output (property and class names stay)',
      global: true,
    });
}
