import type { CsvTable } from '../../output/csv.js';
import type { MemorySeries } from './schema.js';

type Cells = readonly [number, number?, number?, number?, number?, number?, string?];

const COLUMNS = ['t_ms', 'heap_used', 'heap_total', 'external', 'array_buffers', 'rss', 'snapshot'] as const;

/**
 * The series as a CSV table: one row per sample, and one per snapshot at the time it was started,
 * with only `t_ms` and `snapshot` (its file) filled in; rows in time order. Sizes in bytes; a
 * figure the source does not have (a page's RSS) is empty.
 */
export function memoryCsv(series: MemorySeries): CsvTable<Cells> {
  const rows: Cells[] = series.samples.map((s) => [s.t, s.heapUsed, s.heapTotal, s.external, s.arrayBuffers, s.rss] as const);
  for (const mark of series.snapshots) rows.push([mark.t, undefined, undefined, undefined, undefined, undefined, mark.file]);
  rows.sort((a, b) => a[0] - b[0]); // stable: a snapshot follows the samples of its millisecond
  return { columns: COLUMNS.map((key, i) => ({ key, csv: (row: Cells) => row[i] })), rows };
}
