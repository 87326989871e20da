import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { describeError, EXIT_BAD_INPUT, isExpectedError, UsageError } from './errors.js';
import { defineGlobalOptions } from './args/global-options.js';
import { helpWidth } from './args/help.js';
import { unknownCommandMessage, usageMessage } from './args/usage-messages.js';
import { commandNamed, commandNames, registerCommands } from './commands/index.js';
import { protectStdinArguments, restoreStdinArguments } from './load/stdin.js';
import { packageRoot } from './package-root.js';

/** The first word that is not an option: the command (global options take no value). */
function firstWord(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === '--') return undefined;
    if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Options the command line could have named: yargs hands its usage object to `fail`, which knows the described ones. */
function knownOptions(usage: unknown): string[] {
  const descriptions = (usage as { getDescriptions?: () => Record<string, unknown> } | undefined)?.getDescriptions?.();
  return Object.keys(descriptions ?? {});
}

/** Runs the CLI; resolves to the exit code. Only bin.ts touches process.exitCode. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const word = firstWord(argv);
  const spec = word === undefined ? undefined : commandNamed(word);
  try {
    if (word !== undefined && spec === undefined) throw new UsageError(unknownCommandMessage(word, commandNames()));
    const cli: Argv = defineGlobalOptions(yargs(protectStdinArguments(argv)))
      .scriptName('heapdiff')
      .usage('$0 <command> [options]\n\nFind memory leaks in V8 heap snapshots (.heapsnapshot, .heapsnapshot.gz).')
      .strict()
      .demandCommand(1, 'tell heapdiff what to do: try heapdiff demo, or heapdiff summary app.heapsnapshot (see heapdiff --help)')
      .help()
      .alias('h', 'help')
      .version(packageVersion())
      .wrap(helpWidth())
      .exitProcess(false)
      .fail((message: string | undefined, error: Error | undefined, usage: unknown) => {
        // yargs' own refusals come as a message, or as a YError (`Not enough arguments following`).
        if (error !== undefined && error.name !== 'YError') throw error;
        throw new UsageError(usageMessage(message ?? error?.message ?? '', { argv, spec, options: knownOptions(usage) }));
      });
    registerCommands(cli);
    const args = restoreStdinArguments(await cli.parseAsync());
    if (args.help || args.version) return 0; // yargs printed them
    if (!spec) return 0;
    // What a command's handler would have seen under `populate--` (record's program): yargs folds
    // it into `_` once the command is done, and a command run here comes after that.
    const dashDash = argv.indexOf('--');
    return await spec.run(dashDash >= 0 ? { ...args, '--': argv.slice(dashDash + 1) } : args);
  } catch (error) {
    const hint = isExpectedError(error) || debug ? '' : ' (unexpected; rerun with --debug for details)';
    process.stderr.write(`heapdiff: ${describeError(error)}${hint}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_BAD_INPUT;
  }
}

// yargs looks for package.json from the entry script's CommonJS parent, which ES modules lack.
function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown'; // a copied bundle without its package.json still runs
  }
}
