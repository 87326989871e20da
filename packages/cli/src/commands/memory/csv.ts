import type { MemorySeries } from './schema.js';

const COLUMNS = ['t_ms', 'heap_used', 'heap_total', 'external', 'array_buffers', 'rss', 'snapshot'] as const;

/**
 * The series as CSV (RFC 4180): one row per sample, and one per snapshot at the time it was
 * started, with only `t_ms` and `snapshot` (its file) filled in; rows in time order. Sizes in
 * bytes; a figure the source does not have (a page's RSS) is empty.
 */
export function memoryCsv(series: MemorySeries): string {
  type Row = { t: number; cells: Array<string | number | undefined> };
  const rows: Row[] = series.samples.map((s) => ({ t: s.t, cells: [s.t, s.heapUsed, s.heapTotal, s.external, s.arrayBuffers, s.rss, undefined] }));
  for (const mark of series.snapshots) rows.push({ t: mark.t, cells: [mark.t, undefined, undefined, undefined, undefined, undefined, mark.file] });
  rows.sort((a, b) => a.t - b.t); // stable: a snapshot follows the samples of its millisecond
  const lines = [COLUMNS.join(','), ...rows.map((row) => row.cells.map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
