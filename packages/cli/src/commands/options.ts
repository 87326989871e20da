export const limitOption = {
  type: 'number',
  default: 20,
  describe: 'Rows to show (0 = all)',
} as const;

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
