import { formatCount, formatSignedCount } from '@heapdiff/core';
// The growth charts, as inline SVG (no script, nothing external): one small chart per class,
// each on its own axis fitted to its counts, so a class that leaks 200 objects is as visible as
// one that churns 30,000. Heap strings reach them through heapText only.
import { axisTicks, coord, fitAxis } from './axis.js';
import { escapeHtml, heapText } from './escape.js';

export interface ChartSeries {
  name: string;
  counts: readonly number[];
}

/** Okabe–Ito blue and vermilion: told apart with the common colour-vision deficiencies. */
const COLOR = '#0072b2';
const LEAK_COLOR = '#d55e00';

/** Small multiples shown at most; the table under them lists every class. */
export const MAX_PANELS = 12;

const PANEL = { width: 264, height: 112, left: 50, right: 12, top: 8, bottom: 22 };
/** Snapshot labels under every point up to this many snapshots; beyond, the first and last. */
const MAX_X_LABELS = 8;

/** The x position of snapshot `i` of `n` in a plot from `left` to `right`. */
function xOf(i: number, n: number, left: number, right: number): number {
  return n < 2 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1);
}

/** One class's counts over the snapshots, on an axis from 0 to just above its peak. */
function renderPanel(series: ChartSeries, labels: readonly string[], leaking: boolean): string {
  const { width, height, left, right, top, bottom } = PANEL;
  const axis = fitAxis(Math.max(...series.counts), 8, true);
  const plotBottom = height - bottom;
  const x = (i: number): number => xOf(i, series.counts.length, left, width - right);
  const y = (v: number): number => plotBottom - ((plotBottom - top) * v) / axis.top;
  const name = heapText(series.name, 80);
  const color = leaking ? LEAK_COLOR : COLOR;
  const parts: string[] = [];
  for (const tick of axisTicks(axis)) {
    const ty = coord(y(tick));
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#e3e8ed" stroke-width="1"/>`);
  }
  for (const tick of [0, axis.top]) {
    parts.push(`<text x="${left - 6}" y="${coord(y(tick))}" text-anchor="end" dominant-baseline="middle" font-size="10" fill="#5f6b76">${escapeHtml(formatCount(tick))}</text>`);
  }
  const n = series.counts.length;
  labels.forEach((label, i) => {
    if (n > MAX_X_LABELS && i !== 0 && i !== n - 1) return;
    parts.push(`<text x="${coord(x(i))}" y="${height - 6}" text-anchor="middle" font-size="10" fill="#5f6b76">${escapeHtml(label)}</text>`);
  });
  const points = series.counts.map((c, i) => `${coord(x(i))},${coord(y(c))}`).join(' ');
  parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`);
  series.counts.forEach((c, i) => {
    parts.push(`<circle cx="${coord(x(i))}" cy="${coord(y(c))}" r="3" fill="${color}"><title>${name} in ${escapeHtml(labels[i] ?? '')}: ${escapeHtml(formatCount(c))}</title></circle>`);
  });
  const first = series.counts[0]!;
  const last = series.counts[n - 1]!;
  const tag = leaking ? ' <span class="leak">held by a leak</span>' : '';
  const caption = `<figcaption><span class="name">${name}</span>${tag}<br><span class="mono note">${escapeHtml(`${formatCount(first)} → ${formatCount(last)} (${formatSignedCount(last - first)})`)}</span></figcaption>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${name}: object count in each snapshot">${parts.join('')}</svg>`;
  return `<figure class="panel${leaking ? ' leaking' : ''}">${caption}${svg}</figure>`;
}

/**
 * Object counts per class across the snapshots as small multiples, classes held by a leak
 * first, then in the order given, at most `MAX_PANELS`. Each panel has its own axis.
 */
export function renderGrowthPanels(series: readonly ChartSeries[], snapshotLabels: readonly string[], leakingClasses: ReadonlySet<string>): string {
  if (series.length === 0 || snapshotLabels.length < 2) return '';
  const ordered = [...series.filter((s) => leakingClasses.has(s.name)), ...series.filter((s) => !leakingClasses.has(s.name))].slice(0, MAX_PANELS);
  return `<div class="panels">${ordered.map((s) => renderPanel(s, snapshotLabels, leakingClasses.has(s.name))).join('\n')}</div>`;
}

const SPARK = { width: 96, height: 26, pad: 3 };

/** A tiny line of `values` from 0 to just above their peak, the last point marked; `label` (any text) is its tooltip. */
export function renderSparkline(values: readonly number[], label: string, leaking: boolean): string {
  if (values.length < 2) return '';
  const { width, height, pad } = SPARK;
  const axis = fitAxis(Math.max(...values), 8, true);
  const x = (i: number): number => xOf(i, values.length, pad, width - pad);
  const y = (v: number): number => height - pad - ((height - 2 * pad) * v) / axis.top;
  const color = leaking ? LEAK_COLOR : COLOR;
  const points = values.map((v, i) => `${coord(x(i))},${coord(y(v))}`).join(' ');
  const end = values.length - 1;
  return `<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${heapText(label, 200)}"><title>${heapText(label, 200)}</title>` +
    `<line x1="${pad}" x2="${width - pad}" y1="${height - pad}" y2="${height - pad}" stroke="#d8dee4" stroke-width="1"/>` +
    `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points}"/>` +
    `<circle cx="${coord(x(end))}" cy="${coord(y(values[end]!))}" r="2.5" fill="${color}"/></svg>`;
}
