import type { Argv } from 'yargs';
import type { z } from 'zod';
import { demoCommand } from './demo/spec.js';
import { diffCommand } from './diff/spec.js';
import { growthCommand } from './growth/spec.js';
import { leaksCommand } from './leaks/spec.js';
import { memoryCommand } from './memory/spec.js';
import { summaryCommand } from './summary/spec.js';
import { suspectsCommand } from './suspects/spec.js';
import { backrefsCommand } from './backrefs/spec.js';
import { refsCommand } from './refs/spec.js';
import { inspectCommand } from './inspect/spec.js';
import { orphansCommand } from './orphans/spec.js';
import { pathCommand } from './path/spec.js';
import { recordCommand } from './record/spec.js';
import { reportCommand } from './report/spec.js';
import type { CommandSpec } from '../args/command-spec.js';

/** Every command, in the order `--help` lists them. */
const commands: CommandSpec[] = [summaryCommand, diffCommand, leaksCommand, suspectsCommand, growthCommand, orphansCommand, pathCommand, inspectCommand, backrefsCommand, refsCommand, recordCommand, memoryCommand, reportCommand, demoCommand];

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

/** Every command's name, for suggestions. */
export function commandNames(): string[] {
  return commands.map((spec) => spec.command.split(' ')[0]!);
}

/** Command name → zod schema of its `--json` output, as the specs name them (schemas.ts lists the same). */
export async function commandSchemas(): Promise<Record<string, z.ZodType>> {
  const entries = await Promise.all(commands.map(async (spec) => [spec.command.split(' ')[0]!, await spec.jsonSchema?.()] as const));
  return Object.fromEntries(entries.filter((entry): entry is readonly [string, z.ZodType] => entry[1] !== undefined));
}
