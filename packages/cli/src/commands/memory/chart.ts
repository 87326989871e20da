import { formatSize } from '@heapdiff/core';
import * as asciichart from 'asciichart';
import type { MemorySample, MemorySeries } from './schema.js';

export interface ChartOptions {
  /** Characters per line the chart may use. */
  width: number;
  /** Rows of the plot itself. */
  height: number;
  color: boolean;
}

interface Line {
  name: string;
  value: (s: MemorySample) => number | undefined;
  color: string;
}

/** The figures charted: heap used and RSS (a page has no RSS: heap used and heap total). */
export function chartLines(series: MemorySeries): Line[] {
  const heapUsed: Line = { name: 'heap used', value: (s) => s.heapUsed, color: asciichart.blue };
  const hasRss = series.samples.some((s) => s.rss !== undefined);
  return [heapUsed, hasRss ? { name: 'rss', value: (s) => s.rss, color: asciichart.magenta } : { name: 'heap total', value: (s) => s.heapTotal, color: asciichart.magenta }];
}

const LABEL_WIDTH = 10;
/** asciichart draws each row as label, a space and the axis, then one character per column. */
const PLOT_START = LABEL_WIDTH + 2;
const MIN_COLUMNS = 10;

/**
 * The series as line charts from zero (asciichart), one panel per figure with its own scale (RSS
 * dwarfs the heap, whose growth is the point), one column per slice of time holding the highest
 * reading in it; under them a shared time axis with a tick at each snapshot, the snapshots'
 * numbers, the load command's runs (═), and the time at both ends.
 */
export function renderMemoryChart(series: MemorySeries, options: ChartOptions): string {
  const samples = series.samples;
  const duration = Math.max(1, samples.at(-1)?.t ?? 0, ...series.snapshots.map((m) => m.tEnd));
  const columns = Math.max(MIN_COLUMNS, Math.min(options.width - PLOT_START - 1, samples.length));
  const column = (t: number): number => Math.min(columns - 1, Math.floor((t / duration) * columns));
  const indent = ' '.repeat(PLOT_START - 1);

  const out: string[] = [];
  for (const line of chartLines(series)) {
    const values = bucketMax(samples, line.value, column, columns);
    const title = options.color ? `${line.color}${line.name}${asciichart.reset}` : line.name;
    out.push(`${indent} ${title}`);
    out.push(
      asciichart.plot(values, {
        height: options.height,
        min: 0,
        max: Math.max(1, ...values),
        format: (x) => formatSize(Math.max(0, x)).padStart(LABEL_WIDTH),
        ...(options.color ? { colors: [line.color] } : {}),
      }),
    );
  }

  const ticks = Array.from({ length: columns }, () => '─');
  const numbers = Array.from({ length: columns + 4 }, () => ' ');
  series.snapshots.forEach((mark, i) => {
    const at = column(mark.t);
    ticks[at] = '┴';
    placeLabel(numbers, at, String(i + 1));
  });
  out.push(`${indent}└${ticks.join('')}`);
  if (series.snapshots.length > 0) out.push(`${indent} ${numbers.join('').trimEnd()}   ← snapshots`);
  if (series.load && series.load.runs.length > 0) {
    const runs = Array.from({ length: columns }, () => ' ');
    for (const run of series.load.runs) for (let c = column(run.t); c <= column(run.tEnd); c++) runs[c] = '═';
    out.push(`${indent} ${runs.join('').trimEnd()}   ← load`);
  }
  const end = formatSeconds(duration);
  out.push(`${indent} 0s${' '.repeat(Math.max(1, columns - 2 - end.length))}${end}`);
  return out.join('\n');
}

/** Per column, the highest value of the samples in its slice of time; an empty slice repeats the one before. */
function bucketMax(samples: readonly MemorySample[], value: Line['value'], column: (t: number) => number, columns: number): number[] {
  const out = new Array<number>(columns).fill(Number.NaN);
  for (const sample of samples) {
    const v = value(sample);
    if (v === undefined) continue;
    const c = column(sample.t);
    if (!(out[c]! >= v)) out[c] = v;
  }
  // Before the first sample, its value; after, the last one seen.
  let last = out.find((v) => !Number.isNaN(v)) ?? 0;
  for (let c = 0; c < columns; c++) {
    if (Number.isNaN(out[c])) out[c] = last;
    else last = out[c]!;
  }
  return out;
}

/** Writes `label` at `at`, or further right past the labels already there (one space between). */
function placeLabel(row: string[], at: number, label: string): void {
  const taken = (start: number): boolean => row.slice(Math.max(0, start - 1), start + label.length + 1).some((ch) => ch !== ' ');
  let start = at;
  while (start < row.length && taken(start)) start++;
  for (let i = 0; i < label.length && start + i < row.length; i++) row[start + i] = label[i]!;
}

/** `850ms`, `12.3s`, `4m05s`. */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
