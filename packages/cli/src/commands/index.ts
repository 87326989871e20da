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
import type { CommandSpec } from './command-spec.js';

/** Every command, in the order `--help` lists them. */
const commands: CommandSpec[] = [summaryCommand, diffCommand, leaksCommand, growthCommand, orphansCommand, pathCommand, inspectCommand, backrefsCommand, refsCommand, recordCommand, reportCommand, demoCommand];

/**
 * Registers the commands for parsing and help only. They have no yargs handler: main() runs the
 * one named once the arguments are parsed, since yargs renders and caches the command's whole
 * help text before running a handler (a noticeable part of start-up).
 */
export function registerCommands(cli: Argv): void {
  for (const spec of commands) cli.command(spec.command, spec.describe, spec.builder);
}

/** The command an argument vector names (its first positional), if any. */
export function commandNamed(name: unknown): CommandSpec | undefined {
  return commands.find((spec) => spec.command.split(' ')[0] === name);
}
