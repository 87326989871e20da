import { safeText } from '@heapdiff/core';
import { UsageError } from '../errors.js';
import { closest } from './suggest.js';

/** `--class REGEX` / `--ignore REGEX`: which classes a command lists, by name (as `summary` names them). */
export interface ClassFilter {
  /** Whether either option was given. */
  readonly active: boolean;
  matches(className: string): boolean;
  /**
   * Notes for a `--class` or `--ignore` that matches none of `classNames` (every class the command
   * saw, before any other filter), each with the closest name when one is a likely slip of the
   * fingers.
   */
  unmatched(classNames: Iterable<string>): string[];
}

/** A regex from the command line; a bad one is a usage error naming the option. */
export function compileRegex(option: string, source: unknown): RegExp | undefined {
  if (source === undefined) return undefined;
  const text = Array.isArray(source) ? String(source[source.length - 1]) : String(source);
  if (text === '') throw new UsageError(`${option}: expected a regular expression, got nothing`);
  try {
    return new RegExp(text);
  } catch (error) {
    throw new UsageError(`${option}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** ` (did you mean "Session"?)` when a name is close to what was typed. */
export function didYouMean(typed: string, names: Iterable<string>): string {
  const near = closest(typed, names);
  return near === undefined ? '' : ` (did you mean "${safeText(near, 80)}"?)`;
}

export function classFilter(include: unknown, ignore: unknown): ClassFilter {
  const wanted = compileRegex('--class', include);
  const unwanted = compileRegex('--ignore', ignore);
  return {
    active: wanted !== undefined || unwanted !== undefined,
    matches: (name) => (wanted === undefined || wanted.test(name)) && (unwanted === undefined || !unwanted.test(name)),
    unmatched(classNames) {
      const notes: string[] = [];
      const names = [...classNames];
      for (const [option, regex] of [['--class', wanted], ['--ignore', unwanted]] as const) {
        if (regex === undefined || names.some((name) => regex.test(name))) continue;
        notes.push(`${option} ${safeText(regex.source, 80)} matches no class${didYouMean(regex.source, names)}`);
      }
      return notes;
    },
  };
}
