import { safeText } from '@heapdiff/core';
import { UsageError } from '../errors.js';

/**
 * A whole number given on the command line (`--limit 20`, `--paths 3`), at least `min`. yargs hands
 * over a number, the text as typed, or an array when the option was repeated (the last one counts).
 * Anything else (`abc`, `-5`, `1.5`, an empty string, a bare `--limit`) is a usage error: a value
 * nobody meant must not turn into "all rows".
 */
export function parseCount(value: unknown, option: string, min = 0, meaning = ''): number {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  let n = NaN;
  if (typeof last === 'number') n = last;
  else if (typeof last === 'string' && /^\s*\d+\s*$/.test(last)) n = Number(last);
  if (Number.isSafeInteger(n) && n >= min) return n;
  const shown = typeof last === 'string' ? `"${safeText(last, 40)}"` : typeof last === 'number' ? String(last) : 'nothing';
  throw new UsageError(`${option}: expected a whole number ${min === 0 ? '(0 or more' : `(${min} or more`}${meaning ? `; ${meaning}` : ''}), got ${shown}`);
}
