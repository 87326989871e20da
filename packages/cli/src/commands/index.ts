import type { Argv } from 'yargs';
import { demoCommand } from './demo-command.js';
import { diffCommand } from './diff-command.js';
import { growthCommand } from './growth-command.js';
import { leaksCommand } from './leaks-command.js';
import { summaryCommand } from './summary-command.js';
import { backrefsCommand } from './backrefs-command.js';
import { refsCommand } from './refs-command.js';
import { inspectCommand } from './inspect-command.js';
import { orphansCommand } from './orphans-command.js';
import { pathCommand } from './path-command.js';
import { recordCommand } from './record-command.js';
import { reportCommand } from './report-command.js';
import type { CommandSpec, SetExitCode } from './command-spec.js';

/** Every command, in the order `--help` lists them. */
const commands: CommandSpec[] = [summaryCommand, diffCommand, leaksCommand, growthCommand, orphansCommand, pathCommand, inspectCommand, backrefsCommand, refsCommand, recordCommand, reportCommand, demoCommand];

export function registerCommands(cli: Argv, setExitCode: SetExitCode): void {
  for (const spec of commands) {
    cli.command(spec.command, spec.describe, spec.builder, async (args) => setExitCode(await spec.run(args)));
  }
}
