import { safeText } from '@heapdiff/core';
import type { CommandSpec } from './command-spec.js';
import { closest } from './suggest.js';

/** What main() knows when yargs refuses the command line. */
export interface UsageContext {
  argv: readonly string[];
  /** The command named on the command line, if it is one. */
  spec: CommandSpec | undefined;
  /** Options the command takes, long names without dashes (aliases included). */
  options: readonly string[];
}

const name = (spec: CommandSpec | undefined): string => spec?.command.split(' ')[0] ?? '';
const help = (spec: CommandSpec | undefined): string => `heapdiff ${spec ? `${name(spec)} ` : ''}--help`;

/** `<snapshot>` and `<after>` of `diff <before> <after>`: the positionals a command cannot do without. */
function demandedPositionals(spec: CommandSpec): string[] {
  return spec.command.split(' ').slice(1).filter((token) => token.startsWith('<')).map((token) => token.replace('..', ''));
}

function missingPositionals(ctx: UsageContext, given: number): string {
  const { spec } = ctx;
  if (!spec) return 'tell heapdiff what to do, e.g. heapdiff demo (see heapdiff --help)';
  const missing = demandedPositionals(spec).slice(given);
  const what = missing.length > 0 ? missing.join(' and ') : 'more arguments';
  return `${name(spec)} needs ${what}, e.g. ${spec.example ?? help(spec)}`;
}

/** `--limt` for an option the user typed, as typed (yargs reports `limt`, and also `limT` forms). */
function typedOption(argv: readonly string[], key: string): string | undefined {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const arg of argv) {
    if (arg === '--') break;
    const flag = arg.split('=')[0]!;
    if (flag === `--${key}` || flag === `--${kebab}` || flag === `--no-${kebab}` || flag === `-${key}`) return flag;
  }
  return undefined;
}

function unknownArguments(ctx: UsageContext, list: string): string {
  const keys = list.split(', ');
  const typed = new Set<string>();
  const positionals: string[] = [];
  for (const key of keys) {
    const flag = typedOption(ctx.argv, key);
    if (flag) typed.add(flag);
    else if (!/[A-Z]/.test(key) || !keys.includes(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) positionals.push(key);
  }
  const [flag] = typed;
  if (flag !== undefined) {
    const negated = flag.startsWith('--no-');
    const bare = flag.replace(/^--?(no-)?/, '');
    const near = closest(bare, ctx.options.filter((o) => o.length > 1 && !/[A-Z]/.test(o)));
    const suggestion = near !== undefined ? ` (did you mean --${negated ? 'no-' : ''}${near}?)` : `; see ${help(ctx.spec)}`;
    return `unknown option ${safeText(flag, 60)}${ctx.spec ? ` for ${name(ctx.spec)}` : ''}${suggestion}`;
  }
  return `unexpected argument "${safeText(positionals[0] ?? list, 60)}"; see ${help(ctx.spec)}`;
}

/**
 * yargs' refusals as a person would say them: what is missing with an example, the option meant
 * when one was misspelt, the allowed values. One line, like every heapdiff error.
 */
export function usageMessage(message: string, ctx: UsageContext): string {
  let m: RegExpExecArray | null;
  if ((m = /^Not enough non-option arguments: got (\d+)/.exec(message))) return missingPositionals(ctx, Number(m[1]));
  if ((m = /^Unknown arguments?: (.*)$/s.exec(message))) return unknownArguments(ctx, m[1]!);
  if ((m = /Argument: (\S+), Given: (.*), Choices: (.*)$/m.exec(message))) return `--${m[1]}: expected ${m[3]!.replace(/"/g, '')}, got ${m[2]}`;
  if ((m = /^Not enough arguments following: (\S+)/.exec(message))) return `--${m[1]} needs a value; see ${help(ctx.spec)}`;
  if ((m = /^Missing required arguments?: (.*)$/.exec(message))) {
    const options = m[1]!.split(', ').map((key) => (key === 'output' ? '-o FILE' : key.length === 1 ? `-${key}` : `--${key}`)).join(', ');
    return `${ctx.spec ? `${name(ctx.spec)} needs ` : 'missing '}${options}${ctx.spec?.example ? `, e.g. ${ctx.spec.example}` : `; see ${help(ctx.spec)}`}`;
  }
  return message.replace(/\s*\n\s*/g, ' ');
}

/** `unknown command "sumary" (did you mean "summary"?)`, when the first word names no command. */
export function unknownCommandMessage(word: string, commands: readonly string[]): string {
  const near = closest(word, commands);
  return `unknown command "${safeText(word, 60)}"${near !== undefined ? ` (did you mean "${near}"?)` : ''}; see heapdiff --help`;
}
