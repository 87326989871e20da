import { formatCount } from '@heapdiff/core';
import { escapeHtml, heapText } from './escape.js';

export interface ChartSeries {
  name: string;
  counts: readonly number[];
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f7f7f', '#000000'];
/** More lines than colours would be unreadable anyway. */
export const MAX_CHART_SERIES = COLORS.length;

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 14, right: 24, bottom: 36, left: 72 };
const TICKS = 5;

/** A round axis maximum (1, 2 or 5 × 10^k) at or above `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max / TICKS));
  for (const m of [1, 2, 5, 10]) if (m * step * TICKS >= max) return m * step * TICKS;
  return 10 * step * TICKS;
}

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * Object counts per class across the snapshots, one line per class (the first
 * `MAX_CHART_SERIES`), drawn as inline SVG: no script, no external resources.
 */
export function renderGrowthChart(series: readonly ChartSeries[], snapshotLabels: readonly string[]): string {
  const shown = series.slice(0, MAX_CHART_SERIES);
  if (shown.length === 0 || snapshotLabels.length < 2) return '';
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceMax(Math.max(...shown.flatMap((s) => s.counts)));
  const x = (i: number): number => MARGIN.left + (plotW * i) / (snapshotLabels.length - 1);
  const y = (count: number): number => MARGIN.top + plotH * (1 - count / top);

  const parts: string[] = [];
  for (let t = 0; t <= TICKS; t++) {
    const value = (top * t) / TICKS;
    const ty = fixed(y(value));
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#d8dee4" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${ty}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="#5f6b76">${formatCount(value)}</text>`);
  }
  snapshotLabels.forEach((label, i) => {
    parts.push(`<text x="${fixed(x(i))}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle" font-size="12" fill="#1d2125">${escapeHtml(label)}</text>`);
  });
  shown.forEach((s, k) => {
    const color = COLORS[k]!;
    const name = heapText(s.name, 80);
    const points = s.counts.map((c, i) => `${fixed(x(i))},${fixed(y(c))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"><title>${name}: ${s.counts.map(formatCount).join(' → ')}</title></polyline>`);
    s.counts.forEach((c, i) => {
      parts.push(`<circle cx="${fixed(x(i))}" cy="${fixed(y(c))}" r="3.5" fill="${color}"><title>${name} in ${escapeHtml(snapshotLabels[i]!)}: ${formatCount(c)}</title></circle>`);
    });
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Object count per class in each snapshot">\n${parts.join('\n')}\n</svg>`;
  const legend = shown
    .map((s, k) => `<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${COLORS[k]}"/></svg><span>${heapText(s.name, 80)}</span> <span class="mono note">${s.counts.map(formatCount).join(' → ')}</span></li>`)
    .join('\n');
  return `<div class="chart">${svg}\n<ul class="legend">\n${legend}\n</ul></div>`;
}
