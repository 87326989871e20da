import { formatCount, formatSize, plural } from '@heapdiff/core';
// Memory over time while `record` ran the program (mprof's plot): one panel per figure, each on
// its own axis fitted to it, sharing the time axis, with a marker where each snapshot was taken.
// Inline SVG, no script. File names from the series are escaped through heapText.
import { basename } from 'node:path';
import { axisTicks, coord, fitAxis } from './axis.js';
import type { MemorySample, MemorySeries } from './data.js';
import { escapeHtml, heapText } from './escape.js';

type Figure = Exclude<keyof MemorySample, 't'>;

const FIGURES: { key: Figure; name: string; color: string }[] = [
  { key: 'heapUsed', name: 'JS heap used', color: '#d55e00' },
  { key: 'heapTotal', name: 'JS heap total', color: '#e69f00' },
  { key: 'rss', name: 'RSS', color: '#0072b2' },
  { key: 'external', name: 'external', color: '#009e73' },
  { key: 'arrayBuffers', name: 'array buffers', color: '#cc79a7' },
];

const WIDTH = 1000;
const LEFT = 76;
const RIGHT = 16;
const MARKS = 18;
const PANEL_HEIGHT = 84;
const PANEL_GAP = 10;
const AXIS = 26;
/** Points per line at most: a long recording is cut into this many time buckets, each keeping its lowest and highest sample. */
const MAX_BUCKETS = 600;

interface Point {
  t: number;
  v: number;
}

/** The figure's samples, at most two per bucket of time (its low and its high, in time order): peaks stay. */
function pointsOf(samples: readonly MemorySample[], key: Figure, tMax: number): Point[] {
  const all: Point[] = [];
  for (const s of samples) {
    const v = s[key];
    if (typeof v === 'number' && Number.isFinite(v) && Number.isFinite(s.t)) all.push({ t: s.t, v });
  }
  if (all.length <= 2 * MAX_BUCKETS) return all;
  const out: Point[] = [];
  let bucket = -1;
  let low: Point | null = null;
  let high: Point | null = null;
  const flush = (): void => {
    if (!low || !high) return;
    if (low === high) out.push(low);
    else out.push(...(low.t <= high.t ? [low, high] : [high, low]));
  };
  for (const p of all) {
    const b = Math.min(MAX_BUCKETS - 1, Math.floor((p.t / (tMax || 1)) * MAX_BUCKETS));
    if (b !== bucket) {
      flush();
      bucket = b;
      low = high = p;
    } else {
      if (p.v < low!.v) low = p;
      if (p.v > high!.v) high = p;
    }
  }
  flush();
  return out;
}

/** Seconds, or minutes for a recording of three minutes or more. */
function timeUnit(tMax: number): { ms: number; suffix: string } {
  return tMax >= 180_000 ? { ms: 60_000, suffix: 'min' } : { ms: 1000, suffix: 's' };
}

/** `label(file)`: how the page names a snapshot file (`#2`), or null for a file it does not show. */
export type SnapshotLabeller = (file: string) => string | null;

/**
 * The series as stacked panels sharing one time axis, snapshot markers across all of them;
 * empty when there is nothing to draw.
 */
export function renderMemoryChart(series: MemorySeries, label: SnapshotLabeller): string {
  const samples = series.samples.filter((s) => Number.isFinite(s.t));
  const tMax = Math.max(0, ...samples.map((s) => s.t), ...series.snapshots.map((s) => s.t));
  const figures = FIGURES.map((f) => ({ ...f, points: pointsOf(samples, f.key, tMax) })).filter((f) => f.points.length > 0);
  if (figures.length === 0 || !(tMax > 0)) return '';
  const unit = timeUnit(tMax);
  const time = fitAxis(tMax / unit.ms, 8);
  const x = (t: number): number => LEFT + ((WIDTH - LEFT - RIGHT) * t) / (time.top * unit.ms);
  const height = MARKS + figures.length * (PANEL_HEIGHT + PANEL_GAP) + AXIS;
  const plotBottom = height - AXIS;
  const parts: string[] = [];

  figures.forEach((f, k) => {
    const top = MARKS + k * (PANEL_HEIGHT + PANEL_GAP);
    const bottom = top + PANEL_HEIGHT;
    const max = Math.max(...f.points.map((p) => p.v));
    const axis = fitAxis(max, 5);
    const y = (v: number): number => bottom - (PANEL_HEIGHT * v) / axis.top;
    for (const tick of axisTicks(axis)) {
      const ty = coord(y(tick));
      parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${ty}" y2="${ty}" stroke="#e3e8ed" stroke-width="1"/>`);
    }
    for (const tick of [0, axis.top]) {
      parts.push(`<text x="${LEFT - 6}" y="${coord(y(tick))}" text-anchor="end" dominant-baseline="middle" font-size="10" fill="#5f6b76">${escapeHtml(formatSize(tick))}</text>`);
    }
    const points = f.points.map((p) => `${coord(x(p.t))},${coord(y(p.v))}`).join(' ');
    const lastValue = f.points[f.points.length - 1]!.v;
    const title = `${f.name}: ${formatSize(f.points[0]!.v)} → ${formatSize(lastValue)}, peak ${formatSize(max)}`;
    parts.push(`<polyline class="memory-line" fill="none" stroke="${f.color}" stroke-width="1.6" points="${points}"><title>${escapeHtml(title)}</title></polyline>`);
    parts.push(`<text x="${LEFT + 6}" y="${top + 12}" font-size="11" font-weight="600" fill="${f.color}">${escapeHtml(`${f.name} ${formatSize(lastValue)}`)}</text>`);
  });

  for (const tick of axisTicks(time)) {
    const tx = coord(x(tick * unit.ms));
    parts.push(`<text x="${tx}" y="${height - 8}" text-anchor="middle" font-size="10" fill="#5f6b76">${escapeHtml(`${formatCount(tick)} ${unit.suffix}`)}</text>`);
  }
  for (const mark of series.snapshots) {
    if (!Number.isFinite(mark.t)) continue;
    const file = basename(mark.file);
    const name = label(file) ?? file;
    const mx = coord(x(mark.t));
    const at = `${formatCount(Math.round(mark.t / 100) / 10)} s`;
    parts.push(`<g class="snapshot-mark"><title>${heapText(`${name === file ? file : `${name} ${file}`} taken at ${at}`, 240)}</title>` +
      `<line x1="${mx}" x2="${mx}" y1="${MARKS - 2}" y2="${plotBottom}" stroke="#1d2125" stroke-width="1" stroke-dasharray="4 3"/>` +
      `<text x="${mx}" y="${MARKS - 6}" text-anchor="middle" font-size="11" fill="#1d2125">${heapText(name, 40)}</text></g>`);
  }
  return `<div class="memory-chart"><svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Memory over time, with the moments the snapshots were taken">${parts.join('')}</svg></div>`;
}

/** One line for the section's summary: `JS heap used 5.1 MB → 9.3 MB over 12.4 s, 3 snapshots marked`. */
export function memoryGist(series: MemorySeries): string {
  const used = series.samples.filter((s) => Number.isFinite(s.heapUsed) && Number.isFinite(s.t));
  if (used.length === 0) return 'no samples';
  const first = used[0]!;
  const last = used[used.length - 1]!;
  const seconds = Math.round((last.t - first.t) / 100) / 10;
  const marks = series.snapshots.length;
  return `JS heap used ${formatSize(first.heapUsed)} → ${formatSize(last.heapUsed)} over ${formatCount(seconds)} s, ${plural(marks, 'snapshot')} marked`;
}
