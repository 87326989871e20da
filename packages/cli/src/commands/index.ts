import type { Argv } from 'yargs';
import { demoCommand } from './demo-command.js';
import { summaryCommand } from './summary-command.js';
import type { CommandSpec, SetExitCode } from './command-spec.js';

/** Every command, in the order `--help` lists them. */
const commands: CommandSpec[] = [summaryCommand, demoCommand];

export function registerCommands(cli: Argv, setExitCode: SetExitCode): void {
  for (const spec of commands) {
    cli.command(spec.command, spec.describe, spec.builder, async (args) => setExitCode(await spec.run(args)));
  }
}
