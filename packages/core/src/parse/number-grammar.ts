// The grammar of the nodes, locations and ids parsers: a JSON array of non-negative integers whose
// opening bracket is already consumed. Each parser runs its own copy of the loop with its fields
// written inline (a call per number measured no faster than a shared staging buffer);
// states, messages and the cold error paths live here. The edges parser keeps its own copies,
// which measured a little faster in its hotter loop. Each parser's record fast path (`records()`)
// likewise spells out one digit loop per field: the unrolled record is what makes it fast.
import { HeapSnapshotError } from '../errors/errors.js';
import { describeByte } from './bytes.js';

export const EXPECT_FIRST = 0; // right after '[': a number or ']'
export const IN_NUMBER = 1;
export const AFTER_NUMBER = 2; // ',' or ']'
export const AFTER_COMMA = 3; // a number
// Messages as constants: a template literal inside a hot loop slows every iteration, not just the throw.
export const MISSING_COMMA = `missing ',' between numbers`;
export const UNEXPECTED_COMMA = `unexpected ','`;
export const TRAILING_COMMA = `trailing ',' before ']'`;
export const TOO_LARGE = `number too large`;
/** Largest value a 32-bit column holds (ids, names, sizes unless widened). */
export const UINT32_MAX = 0xffffffff;

export function syntaxError(what: string, offset: number, message: string): never {
  throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${what} array: ${message}`, offset);
}

export function numberError(what: string, offset: number, message: string): never {
  throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `${what} array: ${message}`, offset);
}

/** A byte that cannot appear in the array: a sign, fraction or exponent gets its own message. */
export function badByteError(what: string, c: number, offset: number): never {
  if (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b) {
    numberError(what, offset, `only non-negative integers are allowed, found ${describeByte(c)}`);
  }
  syntaxError(what, offset, `unexpected ${describeByte(c)}`);
}
