import { visible } from '@heapdiff/core';

/** A CSV cell: numbers and booleans as they are, text made safe; null and undefined empty. */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvTable<Row> {
  columns: { key: string; csv: (row: Row) => CsvValue }[];
  rows: readonly Row[];
}

/** Cells a spreadsheet would run as a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. Heap
 * strings are hostile: text that a spreadsheet would take for a formula gets a leading `'`, and
 * control and bidi characters are written as visible escapes (JSON is the lossless format).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = visible(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 has it. */
export function formatCsv<Row>(table: CsvTable<Row>): string {
  const lines = [table.columns.map((c) => csvCell(c.key)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(c.csv(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
