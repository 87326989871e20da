import { FileReadError, HeapSnapshotError, HeapdiffError } from '@heapdiff/core';

/** Raised for bad command-line usage; exit code 2 like every input problem. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_LEAKS_FOUND = 1;
export const EXIT_BAD_INPUT = 2;

/** One line, no stack: what the user needs to fix their input. */
export function describeError(error: unknown): string {
  if (error instanceof HeapSnapshotError) {
    const file = error.file ? `${error.file}: ` : '';
    return `${file}${error.message} (at byte ${error.offset})`;
  }
  if (error instanceof FileReadError || error instanceof HeapdiffError || error instanceof UsageError) {
    return error.message;
  }
  if (error instanceof RangeError && /Array buffer allocation failed|Invalid typed array length/.test(error.message)) {
    return `out of memory while loading the snapshot (${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function isExpectedError(error: unknown): boolean {
  return error instanceof HeapdiffError || error instanceof UsageError;
}
