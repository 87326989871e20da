import { formatCount, formatSignedCount, formatSignedSize, formatSize } from '@heapdiff/core';
// The report's sections. Every heap-derived string goes through heapText/escapeHtml here; the
// numbers come from the same JSON documents the data island holds.
import { basename } from 'node:path';
import { isLeakGroup } from '../../leaks/json.js';
import type { DiffOutput } from '../../diff/schema.js';
import type { GrowthOutput } from '../../growth/schema.js';
import type { LeaksByClassOutput as LeaksOutput } from '../../leaks/schema.js';
import type { SummaryOutput } from '../../summary/schema.js';
import { renderGrowthChart } from './chart.js';
import type { LeakDetail } from './data.js';
import { escapeHtml, heapText } from './escape.js';
import { inlineSvg, UnsafeSvgError } from './svg.js';
import { renderTable, type HtmlColumn } from './tables.js';

type SummaryRow = SummaryOutput['classes'][number];
type DiffRow = DiffOutput['classes'][number];
type GrowthRow = GrowthOutput['classes'][number];
type LeakRow = LeaksOutput['groups'][number] & { rank: number };

/** `#2` and the file's name: how the page refers to a snapshot. */
export const snapshotLabel = (i: number): string => `#${i + 1}`;
const fileName = (path: string): string => heapText(basename(path), 120);
const text = (s: string): string => escapeHtml(s);

/** "… 12 more (heapdiff report --limit 0 shows all)" under a table cut to --limit. */
function more(shown: number, total: number, noun: string): string {
  return shown < total ? `<p class="note">… ${text(formatCount(total - shown))} more ${noun} (<code>--limit 0</code> shows all)</p>` : '';
}

export function snapshotsSection(summaries: readonly SummaryOutput[]): string {
  const rows = summaries.map((s, i) => ({ i, ...s.snapshot }));
  const table = renderTable<(typeof rows)[number]>(
    [
      { header: 'Snapshot', html: (r) => text(snapshotLabel(r.i)), sort: (r) => r.i },
      { header: 'File', html: (r) => `<span class="mono">${heapText(r.path, 300)}</span>`, className: 'name' },
      { header: 'Objects', html: (r) => text(formatCount(r.nodeCount)), sort: (r) => r.nodeCount },
      { header: 'References', html: (r) => text(formatCount(r.edgeCount)), sort: (r) => r.edgeCount },
      { header: 'Total size', html: (r) => text(formatSize(r.totalSize)), sort: (r) => r.totalSize },
    ],
    rows,
    { label: 'Snapshots' },
  );
  return `<section id="snapshots"><h2>Snapshots</h2>\n${table}</section>`;
}

function leakPhase(leaks: LeaksOutput): string {
  const { snapshots } = leaks;
  const [b, t] = [fileName(snapshots[0]!.path), fileName(snapshots[1]!.path)];
  return snapshots.length > 2
    ? `Objects allocated between <b>${b}</b> and <b>${t}</b> and still alive in <b>${fileName(snapshots.at(-1)!.path)}</b>`
    : `Objects allocated after <b>${b}</b> and still alive in <b>${t}</b>`;
}

function leakGraph(detail: LeakDetail, index: number): string {
  let svg: string;
  try {
    svg = inlineSvg(detail.svg, `leak${index + 1}-`);
  } catch (error) {
    if (!(error instanceof UnsafeSvgError)) throw error;
    return `<p class="note">The retainer graph was left out: ${text(error.message)}.</p>`;
  }
  return `<figure><div class="graph">${svg}</div><figcaption>The paths above merged into one drawing: arrows go from holder to held, the leaked object in red, roots in green.</figcaption></figure>`;
}

function leakArticle(group: LeakRow, detail: LeakDetail | undefined, leaks: LeaksOutput): string {
  const flag = isLeakGroup(group, leaks.thresholds.bytes, leaks.thresholds.count) ? ' <span class="leak">leak</span>' : '';
  const parts = [
    `<article id="leak-${group.rank}"><h3>#${group.rank} ${heapText(group.name, 200)}${flag}</h3>`,
    `<p>${text(formatCount(group.count))} objects, retained ${text(formatSize(group.retainedSize))} (self ${text(formatSize(group.selfSize))})</p>`,
  ];
  (detail?.pathLines ?? []).forEach((lines, k) => {
    const count = group.pathCounts[k] ?? 0;
    const of = group.sampled < group.count ? `${formatCount(count)} of ${formatCount(group.sampled)} sampled` : `${formatCount(count)} of ${formatCount(group.count)}`;
    parts.push(`<p class="note">${text(of)} held like this:</p>`);
    parts.push(`<pre>${lines.map((line) => escapeHtml(line)).join('\n')}</pre>`);
  });
  if (group.paths.length === 0) parts.push('<p class="note">No retainer path: only weak references reach these objects.</p>');
  else if (detail) parts.push(leakGraph(detail, group.rank - 1));
  parts.push('</article>');
  return parts.join('\n');
}

export function leaksSection(leaks: LeaksOutput, details: readonly LeakDetail[]): string {
  const head = `<section id="leaks"><h2>Leaks</h2>\n<p>${leakPhase(leaks)}, grouped by class, largest retained size first.</p>`;
  if (leaks.groups.length === 0) return `${head}\n<p>No new objects survived: nothing leaked between these snapshots.</p></section>`;
  const rows: LeakRow[] = leaks.groups.map((g, i) => ({ ...g, rank: i + 1 }));
  const table = renderTable<LeakRow>(
    [
      { header: '#', html: (g) => text(String(g.rank)), sort: (g) => g.rank },
      { header: 'Class', html: (g) => `<a href="#leak-${g.rank}">${heapText(g.name, 120)}</a>`, className: 'name' },
      { header: 'Objects', html: (g) => text(formatCount(g.count)), sort: (g) => g.count },
      { header: 'Self size', html: (g) => text(formatSize(g.selfSize)), sort: (g) => g.selfSize },
      { header: 'Retained size', html: (g) => text(formatSize(g.retainedSize)), sort: (g) => g.retainedSize },
      {
        header: 'Leak',
        html: (g) => (isLeakGroup(g, leaks.thresholds.bytes, leaks.thresholds.count) ? '<span class="leak">leak</span>' : ''),
      },
    ],
    rows,
    { label: 'Leak groups' },
  );
  const thresholds = `<p class="note">Marked as a leak: a group retaining at least ${text(formatSize(leaks.thresholds.bytes))} or holding at least ${text(formatCount(leaks.thresholds.count))} objects (<code>--threshold</code>, <code>--threshold-count</code>).</p>`;
  const articles = rows.map((g, i) => leakArticle(g, details[i], leaks)).join('\n');
  return `${head}\n${table}\n${thresholds}\n${articles}</section>`;
}

export function growthSection(growth: GrowthOutput, totalGrowing: number): string {
  const head = `<section id="growth"><h2>Growth</h2>\n<p>Classes whose object count in the last snapshot is above their count in every earlier one (objgraph's <code>show_growth</code>), steadiest growers first.</p>`;
  if (growth.classes.length === 0) return `${head}\n<p>No class grew beyond its earlier peak.</p></section>`;
  const labels = growth.snapshots.map((_, i) => snapshotLabel(i));
  const last = growth.snapshots.length - 1;
  const columns: HtmlColumn<GrowthRow>[] = [{ header: 'Class', html: (c) => heapText(c.name, 120), className: 'name' }];
  labels.forEach((label, i) => columns.push({ header: `Count ${label}`, html: (c) => text(formatCount(c.counts[i]!)), sort: (c) => c.counts[i]! }));
  columns.push(
    { header: 'Delta', html: (c) => text(formatSignedCount(c.delta)), sort: (c) => c.delta },
    { header: `Size ${labels[last]}`, html: (c) => text(formatSize(c.sizes[last]!)), sort: (c) => c.sizes[last]! },
    { header: 'Size growth', html: (c) => text(formatSignedSize(c.sizes[last]! - c.sizes[0]!)), sort: (c) => c.sizes[last]! - c.sizes[0]! },
    { header: 'Every step', html: (c) => (c.monotonic ? 'yes' : '') },
  );
  const chart = renderGrowthChart(growth.classes, labels);
  const table = renderTable(columns, growth.classes, { label: 'Growth' });
  const note = `<p class="note">Delta: count in ${text(labels[last]!)} minus the highest count in any earlier snapshot.</p>`;
  return `${head}\n${chart}\n${table}\n${more(growth.classes.length, totalGrowing, 'growing classes')}${note}</section>`;
}

export function diffSection(diff: DiffOutput, totalChanged: number, lastLabel: string): string {
  const head = `<section id="diff"><h2>Comparison</h2>\n<p>Objects added and removed per class between ${text(snapshotLabel(0))} <b>${fileName(diff.before.path)}</b> and ${text(lastLabel)} <b>${fileName(diff.after.path)}</b>, matched by object id (DevTools' Comparison view), largest size growth first.</p>`;
  if (diff.classes.length === 0) return `${head}\n<p>No objects were added or removed between the snapshots.</p></section>`;
  const table = renderTable<DiffRow>(
    [
      { header: 'Class', html: (c) => heapText(c.name, 120), className: 'name' },
      { header: 'New', html: (c) => text(formatSignedCount(c.addedCount)), sort: (c) => c.addedCount },
      { header: 'Deleted', html: (c) => text(formatSignedCount(-c.removedCount)), sort: (c) => c.removedCount },
      { header: 'Count delta', html: (c) => text(formatSignedCount(c.countDelta)), sort: (c) => c.countDelta },
      { header: 'Alloc. size', html: (c) => text(formatSignedSize(c.addedSize)), sort: (c) => c.addedSize },
      { header: 'Freed size', html: (c) => text(formatSignedSize(-c.removedSize)), sort: (c) => c.removedSize },
      { header: 'Size delta', html: (c) => text(formatSignedSize(c.sizeDelta)), sort: (c) => c.sizeDelta },
    ],
    diff.classes,
    { label: 'Comparison' },
  );
  return `${head}\n${table}\n${more(diff.classes.length, totalChanged, 'changed classes')}</section>`;
}

export function summariesSection(summaries: readonly SummaryOutput[], totals: readonly number[]): string {
  const parts = summaries.map((s, i) => {
    const { snapshot } = s;
    const header = `${snapshotLabel(i)} ${fileName(snapshot.path)}: ${text(formatCount(snapshot.nodeCount))} objects, ${text(formatCount(snapshot.edgeCount))} references, ${text(formatSize(snapshot.totalSize))} total`;
    const table = renderTable<SummaryRow>(
      [
        { header: 'Class', html: (c) => heapText(c.name, 120), className: 'name' },
        { header: 'Count', html: (c) => text(formatCount(c.count)), sort: (c) => c.count },
        { header: 'Self size', html: (c) => text(formatSize(c.selfSize)), sort: (c) => c.selfSize },
        { header: 'Retained size', html: (c) => text(formatSize(c.retainedSize)), sort: (c) => c.retainedSize },
      ],
      s.classes,
      { label: `Classes in ${snapshotLabel(i)}` },
    );
    const open = i === summaries.length - 1 ? ' open' : '';
    return `<details${open}><summary>${header}</summary>\n${table}\n${more(s.classes.length, totals[i] ?? 0, 'classes')}</details>`;
  });
  return `<section id="summary"><h2>Classes in each snapshot</h2>\n<p>DevTools' Summary view: per class the count, self size and retained size, largest retained size first.</p>\n${parts.join('\n')}</section>`;
}
