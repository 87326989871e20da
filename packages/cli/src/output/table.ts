import Table from 'cli-table3';
import type { Colors } from './colors.js';

export interface Column<Row> {
  header: string;
  align?: 'left' | 'right';
  value: (row: Row) => string;
}

/** An aligned, borderless table like `git` or `docker ps` print; headers bold when colours are on. */
export function renderTable<Row>(columns: Column<Row>[], rows: readonly Row[], colors?: Colors): string {
  const table = new Table({
    head: columns.map((c) => (colors ? colors.bold(c.header) : c.header)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2, compact: true },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '',
    },
  });
  for (const row of rows) table.push(columns.map((c) => c.value(row)));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
