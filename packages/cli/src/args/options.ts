import { safeText } from '@heapdiff/core';
import { UsageError } from '../errors.js';

/** `--limit` of commands not yet on the shared options (sharedOptions' `limit`); checked with parseCount. */
export const limitOption = {
  type: 'number',
  default: 20,
  describe: 'Rows to show (0 = all)',
} as const;

/** `--json` of commands not yet on the shared options (sharedOptions' `formats`). */
export const jsonOption = {
  type: 'boolean',
  default: false,
  describe: 'Print one JSON document on stdout (schema in packages/cli/schemas)',
} as const;

/** `--limit 0` means everything. */
export function applyLimit<T>(rows: T[], limit: number): T[] {
  return limit > 0 ? rows.slice(0, limit) : rows;
}

export const snapshotPositional = {
  type: 'string',
  demandOption: true,
  describe: 'A .heapsnapshot file (or .heapsnapshot.gz)',
} as const;

const NODE_ID = /^@?(\d{1,10})$/;

/**
 * An object id as users copy it: `12345`, or `@12345` as DevTools writes it. Anything else is a
 * usage error (exit 2). Accepts what yargs hands over for a string option.
 */
export function parseNodeId(value: unknown, option = '--id'): number {
  const text = String(value).trim();
  const match = NODE_ID.exec(text);
  const id = match ? Number(match[1]) : NaN;
  if (!(id <= 0xffffffff)) throw new UsageError(`${option ? `${option}: ` : ''}"${safeText(text, 40)}" is not an object id (expected 12345 or @12345)`);
  return id;
}
