import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { describeError, EXIT_BAD_INPUT, isExpectedError, UsageError } from './errors.js';
import { commandNamed, registerCommands } from './commands/index.js';
import { packageRoot } from './package-root.js';

/** Runs the CLI; resolves to the exit code. Only bin.ts touches process.exitCode. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const cli: Argv = yargs(argv)
    .scriptName('heapdiff')
    .usage('$0 <command> [options]\n\nFind memory leaks in V8 heap snapshots (.heapsnapshot, .heapsnapshot.gz).')
    .option('debug', { type: 'boolean', describe: 'Print stack traces for errors', global: true })
    .option('redact', {
      type: 'boolean',
      describe: 'Show values from the heap (strings, regexp sources, DOM attributes) as <string len=N #…>, keyed per run, in every output (property and class names stay)',
      global: true,
    })
    .strict()
    .demandCommand(1, 'Tell heapdiff what to do: try `heapdiff demo` or `heapdiff summary <snapshot>`')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  registerCommands(cli);
  try {
    const args = await cli.parseAsync();
    if (args.help || args.version) return 0; // yargs printed them
    const spec = commandNamed(args._[0]);
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
