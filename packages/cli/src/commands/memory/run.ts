import { formatSize, safeText } from '@heapdiff/core';
import pc from 'picocolors';
import { UsageError } from '../../errors.js';
import { renderTable } from '../../output/table.js';
import { formatSeconds, renderMemoryChart } from './chart.js';
import { memoryCsv } from './csv.js';
import type { MemorySample, MemorySeries, SnapshotMark } from './schema.js';
import { MEMORY_FILE, readMemorySeries } from './series.js';

export interface MemoryArgs {
  recording: string;
  format: 'table' | 'json' | 'csv';
  json: boolean;
}

/** Rows of each of the two panels. */
const CHART_HEIGHT = 8;
const MAX_WIDTH = 120;

export async function runMemory(args: MemoryArgs): Promise<number> {
  const series = await readMemorySeries(args.recording);
  if (series === null) throw new UsageError(`${args.recording}: no ${MEMORY_FILE} here (heapdiff record writes one beside its snapshots)`);
  const format = args.json ? 'json' : args.format;
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
    return 0;
  }
  if (format === 'csv') {
    process.stdout.write(memoryCsv(series));
    return 0;
  }
  process.stdout.write(`${describeSeries(series)}\n`);
  return 0;
}

function describeSeries(series: MemorySeries): string {
  const samples = series.samples;
  const duration = samples.at(-1)?.t ?? 0;
  const head = `${safeText(series.target, 200)}: ${formatSeconds(duration)}, ${samples.length} sample${samples.length === 1 ? '' : 's'} every ${formatSeconds(series.sampleEveryMs)}, ${series.snapshots.length} snapshot${series.snapshots.length === 1 ? '' : 's'}`;
  if (samples.length === 0) return `${head}\n(no samples: the recording ended before the first one)`;
  const width = Math.min(MAX_WIDTH, process.stdout.columns || 100);
  const out = [head, '', renderMemoryChart(series, { width, height: CHART_HEIGHT, color: pc.isColorSupported }), ''];
  if (series.snapshots.length > 0) out.push(snapshotTable(series));
  const peak = samples.reduce((a, b) => (b.heapUsed > a.heapUsed ? b : a));
  out.push('', `Heap used: ${formatSize(samples[0]!.heapUsed)} at the start, peak ${formatSize(peak.heapUsed)} at ${formatSeconds(peak.t)}, ${formatSize(samples.at(-1)!.heapUsed)} at the end`);
  return out.join('\n');
}

/** Each snapshot with the memory right after it (after its full garbage collection). */
function snapshotTable(series: MemorySeries): string {
  const hasRss = series.samples.some((s) => s.rss !== undefined);
  const after = (mark: SnapshotMark): MemorySample | undefined => series.samples.find((s) => s.t >= mark.tEnd);
  const rows = series.snapshots.map((mark, i) => ({ n: i + 1, mark, sample: after(mark) }));
  return renderTable(
    [
      { header: '#', align: 'right', value: (r: (typeof rows)[number]) => String(r.n) },
      { header: 'Snapshot', value: (r) => safeText(r.mark.file, 80) },
      { header: 'At', align: 'right', value: (r) => formatSeconds(r.mark.t) },
      { header: 'Size', align: 'right', value: (r) => formatSize(r.mark.bytes) },
      { header: 'Heap used after GC', align: 'right', value: (r) => (r.sample ? formatSize(r.sample.heapUsed) : '') },
      ...(hasRss ? [{ header: 'RSS', align: 'right' as const, value: (r: (typeof rows)[number]) => (r.sample?.rss !== undefined ? formatSize(r.sample.rss) : '') }] : []),
    ],
    rows,
  );
}
