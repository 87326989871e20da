import { FileReadError, HeapSnapshotError, HeapdiffError, safeText } from '@heapdiff/core';

/** Raised for bad command-line usage; exit code 2 like every input problem. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_LEAKS_FOUND = 1;
export const EXIT_BAD_INPUT = 2;

/** Longest message part of an error line; a hostile file name or key must not flood the terminal. */
const MAX_MESSAGE_LENGTH = 1000;

/**
 * One line, no stack: what the user needs to fix their input. Messages quote file names and bits
 * of the snapshot (top-level keys), so control characters are escaped like all heap text; the
 * byte offset stays at the end however long the rest is.
 */
export function describeError(error: unknown): string {
  const text = (message: string): string => safeText(message, MAX_MESSAGE_LENGTH);
  if (error instanceof HeapSnapshotError) {
    const file = error.file ? `${safeText(error.file, MAX_MESSAGE_LENGTH)}: ` : '';
    return `${file}${text(error.message)} (at byte ${error.offset})`;
  }
  if (error instanceof FileReadError || error instanceof HeapdiffError || error instanceof UsageError) {
    return text(error.message);
  }
  if (error instanceof RangeError && /Array buffer allocation failed|Invalid typed array length/.test(error.message)) {
    return `out of memory while loading the snapshot (${text(error.message)})`;
  }
  return text(error instanceof Error ? error.message : String(error));
}

export function isExpectedError(error: unknown): boolean {
  return error instanceof HeapdiffError || error instanceof UsageError;
}
