import { describe, expect, test } from 'vitest';
import { axisTicks, fitAxis } from './axis.js';
import { renderGrowthPanels, renderSparkline } from './chart.js';
import type { MemorySample, MemorySeries } from './data.js';
import { memoryGist, renderMemoryChart } from './memory-chart.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** What must never appear in markup the page writes: script, inline styles, handlers. */
function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script|<foreignObject/i);
  const tags = svg.match(/<[^>]*>/g) ?? [];
  // Attribute names only: a quoted value may carry escaped heap text such as `onerror=`.
  expect(tags.filter((tag) => /\s(style|on\w+)=/i.test(tag.replace(/"[^"]*"/g, '""')))).toEqual([]);
  expect(svg).not.toContain(HOSTILE);
}

/** The numbers of every `<polyline points="…">`, as [x, y] pairs per line. */
function polylines(svg: string): [number, number][][] {
  return [...svg.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]));
}

describe('fitAxis', () => {
  test('ends just above the data on a round number, never far above it', () => {
    expect(fitAxis(30_000).top).toBe(30_000);
    expect(fitAxis(30_170).top).toBe(35_000);
    expect(fitAxis(4_200).top).toBe(5_000);
    expect(fitAxis(0.3).top).toBeCloseTo(0.3);
    expect(fitAxis(7, 8, true)).toEqual({ top: 7, step: 1 });
    expect(fitAxis(1, 8, true)).toEqual({ top: 1, step: 1 });
    expect(fitAxis(0).top).toBe(1);
    for (let max = 1; max < 1e7; max = Math.ceil(max * 1.37)) {
      const axis = fitAxis(max, 8, true);
      expect(axis.top).toBeGreaterThanOrEqual(max);
      expect(axis.top, `max ${max}`).toBeLessThanOrEqual(max * 1.34);
      expect(axisTicks(axis).length - 1).toBeLessThanOrEqual(8);
    }
  });
});

describe('growth small multiples', () => {
  const labels = ['#1', '#2', '#3'];
  const series = [
    { name: 'Churn', counts: [2_000, 31_000, 30_170] },
    { name: 'SmallLeak', counts: [2, 11, 20] },
    { name: HOSTILE, counts: [5, 6, 7] },
  ];

  test('each class on its own axis: a class leaking 18 objects rises across its panel like one churning 28,000', () => {
    const html = renderGrowthPanels(series, labels, new Set(['SmallLeak']));
    expectInert(html);
    const panels = html.split('<figure').slice(1);
    expect(panels).toHaveLength(3);
    // Classes held by a leak come first.
    expect(panels[0]).toContain('SmallLeak');
    expect(panels[0]).toContain('held by a leak');
    for (const panel of panels) {
      const [line] = polylines(panel);
      const ys = line!.map(([, y]) => y);
      const rise = Math.max(...ys) - Math.min(...ys);
      // The plot is 82 px tall: the line spans at least a fifth of it, and its peak is near the top.
      if (!panel.includes('&lt;img')) expect(rise).toBeGreaterThan(60);
      expect(Math.min(...ys)).toBeLessThan(30);
    }
    expect(panels[1]).toContain('>35,000<'); // 31,000 → an axis to 35,000
    expect(panels[0]).toContain('>20<');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('at most twelve panels, and nothing without two snapshots', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `C${i}`, counts: [i, i + 1] }));
    expect(renderGrowthPanels(many, ['#1', '#2'], new Set()).split('<figure').length - 1).toBe(12);
    expect(renderGrowthPanels(series, ['#1'], new Set())).toBe('');
  });

  test('a sparkline spans its box and carries its label as text', () => {
    const svg = renderSparkline([200, 2_200, 4_200], `${HOSTILE} 200 → 4,200`, true);
    expectInert(svg);
    const [line] = polylines(svg);
    expect(line).toHaveLength(3);
    expect(line![2]![1]).toBeLessThan(line![0]![1]);
    expect(svg).toContain('&lt;img');
  });
});

/** Ten seconds of samples every 100 ms, the heap climbing, and three snapshots. */
function syntheticSeries(options: { samples?: number; node?: boolean } = {}): MemorySeries {
  const n = options.samples ?? 100;
  const samples: MemorySample[] = Array.from({ length: n }, (_, i) => {
    const heapUsed = 5e6 + (4e6 * i) / (n - 1) + (i % 7) * 10_000;
    const base = { t: i * 100, heapUsed, heapTotal: heapUsed * 1.5 };
    return options.node === false ? base : { ...base, external: 1.2e6, arrayBuffers: 2e5 + i * 10, rss: 4e7 + (5e6 * i) / (n - 1) };
  });
  const end = (n - 1) * 100;
  return {
    samples,
    snapshots: [
      { t: 0, file: '/rec/1.heapsnapshot' },
      { t: end / 2, file: '/rec/2.heapsnapshot' },
      { t: end, file: `/rec/${HOSTILE}.heapsnapshot` },
    ],
  };
}

describe('memory over time', () => {
  const label = (file: string): string | null => ({ '1.heapsnapshot': '#1', '2.heapsnapshot': '#2' } as Record<string, string>)[file] ?? null;

  test('one line per figure the samples have, a marker per snapshot where it was taken', () => {
    const series = syntheticSeries();
    const svg = renderMemoryChart(series, label);
    expectInert(svg);
    expect(polylines(svg)).toHaveLength(5);
    expect(polylines(renderMemoryChart(syntheticSeries({ node: false }), label))).toHaveLength(2);
    const marks = [...svg.matchAll(/<g class="snapshot-mark">.*?<line x1="([\d.]+)".*?<text[^>]*>([^<]*)<\/text><\/g>/g)];
    expect(marks.map((m) => m[2]!.slice(0, 34))).toEqual(['#1', '#2', '&lt;img src=x onerror=alert(1)&gt;']);
    const xs = marks.map((m) => Number(m[1]));
    // The markers sit where their times fall on the time axis the lines use.
    const heap = polylines(svg)[0]!;
    expect(xs[0]).toBeCloseTo(heap[0]![0], 0);
    expect(xs[2]).toBeCloseTo(heap.at(-1)![0], 0);
    expect(xs[1]).toBeCloseTo((xs[0]! + xs[2]!) / 2, 0);
    expect(memoryGist(series)).toBe('JS heap used 5 MB → 9 MB over 9.9 s, 3 snapshots marked');
  });

  test('each figure on its own axis fitted to it; time labelled in seconds', () => {
    const svg = renderMemoryChart(syntheticSeries(), label);
    // Heap used peaks at 9.06 MB: its axis ends at 10 MB, not at the 50 MB of the RSS's.
    expect(svg).toContain('>10 MB<');
    expect(svg).toContain('>50 MB<');
    expect(svg).toMatch(/>0 s<.*>10 s</);
  });

  test('an hour of samples is drawn with at most two points per time bucket, keeping the peaks', () => {
    const series = syntheticSeries({ samples: 36_000 });
    series.samples[24_321]!.heapUsed = 50e6; // one spike
    const svg = renderMemoryChart(series, label);
    const [heap] = polylines(svg);
    expect(heap!.length).toBeLessThanOrEqual(1200);
    const top = Math.min(...heap!.map(([, y]) => y));
    expect(top).toBeLessThan(30); // the spike reaches the top of its panel
    expect(svg.length).toBeLessThan(200_000);
  });

  test('nothing to draw: no samples', () => {
    expect(renderMemoryChart({ samples: [], snapshots: [] }, label)).toBe('');
  });
});
