import { UsageError } from '../errors.js';

/** How a snapshot on standard input is named on the command line. */
export const STDIN_ARGUMENT = '-';

/**
 * Standard input can be read once, as it comes: a command that reads one of its snapshots
 * twice refuses it there, before any work, rather than failing halfway.
 */
export function refuseStdinReadTwice(command: string, readTwice: string[]): void {
  if (readTwice.includes(STDIN_ARGUMENT)) {
    throw new UsageError(`${command} reads its earlier snapshots twice, which stdin (-) cannot give: save that snapshot to a file`);
  }
}

/** No file name can hold a NUL: what a lone `-` travels through yargs as (see protectStdinArguments). */
const PLACEHOLDER = '\u0000-';

/**
 * yargs re-parses positionals as `--name value` and takes a lone `-` there for a flag, leaving
 * `''`. The command line goes through yargs with a placeholder for it, put back after parsing.
 */
export function protectStdinArguments(argv: string[]): string[] {
  return argv.map((arg) => (arg === STDIN_ARGUMENT ? PLACEHOLDER : arg));
}

export function restoreStdinArguments<T extends object>(args: T): T {
  const put = (value: unknown): unknown => (value === PLACEHOLDER ? STDIN_ARGUMENT : value);
  const record = args as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) record[key] = Array.isArray(value) ? value.map(put) : put(value);
  return args;
}
