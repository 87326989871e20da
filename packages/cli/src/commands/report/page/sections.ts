import { formatCount, formatSignedCount, formatSignedSize, formatSize, plural } from '@heapdiff/core';
// The report's sections after the verdict, each a <details> closed by default whose summary
// line says what is inside. Every heap-derived string goes through heapText/escapeHtml here; the
// numbers come from the same JSON documents the data island holds.
import { basename } from 'node:path';
import type { DiffOutput } from '../../diff/schema.js';
import type { GrowthOutput } from '../../growth/schema.js';
import type { SummaryOutput } from '../../summary/schema.js';
import { renderGrowthPanels } from './chart.js';
import type { MemorySeries } from './data.js';
import { escapeHtml, heapText } from './escape.js';
import { memoryGist, renderMemoryChart } from './memory-chart.js';
import { renderTable, type HtmlColumn } from './tables.js';
import { snapshotLabel } from './verdict.js';

type SummaryRow = SummaryOutput['classes'][number];
type DiffRow = DiffOutput['classes'][number];
type GrowthRow = GrowthOutput['classes'][number];

const fileName = (path: string): string => heapText(basename(path), 120);
const text = (s: string): string => escapeHtml(s);

/** A section of the page: a <details> whose summary is its title and, after it, what it found (both escaped HTML). */
export function section(id: string, title: string, gist: string, body: string): string {
  return `<details class="section" id="${id}"><summary><h2>${title} <span class="gist">${gist}</span></h2></summary>\n<div class="section-body">\n${body}\n</div></details>`;
}

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
  const first = summaries[0]!.snapshot;
  const last = summaries.at(-1)!.snapshot;
  const gist = `${plural(summaries.length, 'file')}, ${formatSize(first.totalSize)} → ${formatSize(last.totalSize)}, ${formatCount(first.nodeCount)} → ${formatCount(last.nodeCount)} objects`;
  return section('snapshots', 'Snapshots', text(gist), table);
}

export function memorySection(memory: MemorySeries, summaries: readonly SummaryOutput[]): string {
  const labels = new Map(summaries.map((s, i) => [basename(s.snapshot.path), snapshotLabel(i)]));
  const chart = renderMemoryChart(memory, (file) => labels.get(file) ?? null);
  const body = chart
    ? `<p>Memory of the program while <code>heapdiff record</code> ran it, sampled between the snapshots; a dashed line marks each snapshot.</p>\n${chart}`
    : '<p>The recording has no samples to draw.</p>';
  return section('memory', 'Memory over time', text(memoryGist(memory)), body);
}

export function growthSection(growth: GrowthOutput, totalGrowing: number, leakingClasses: ReadonlySet<string>): string {
  const intro = '<p>Classes whose object count in the last snapshot is above their count in every earlier one (objgraph\'s <code>show_growth</code>): one chart per class, each on its own scale, classes held by a leak first.</p>';
  if (growth.classes.length === 0) return section('growth', 'Growth', 'no class grew beyond its earlier peak', `${intro}\n<p>No class grew beyond its earlier peak.</p>`);
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
  const panels = renderGrowthPanels(growth.classes, labels, leakingClasses);
  const table = renderTable(columns, growth.classes, { label: 'Growth' });
  const note = `<p class="note">Delta: count in ${text(labels[last]!)} minus the highest count in any earlier snapshot.</p>`;
  const steady = growth.classes.filter((c) => c.monotonic).length;
  const counted = `${plural(totalGrowing, 'class', 'classes')} grew beyond their earlier peak${growth.snapshots.length > 2 ? `, ${formatCount(steady)}${totalGrowing > growth.classes.length ? ' shown' : ''} in every interval` : ''}`;
  const held = growth.classes.filter((c) => leakingClasses.has(c.name)).length;
  const gist = text(`${counted}${held > 0 ? `; ${formatCount(held)} of them held by a leak` : ''}`);
  return section('growth', 'Growth', gist, `${intro}\n${panels}\n${table}\n${more(growth.classes.length, totalGrowing, 'growing classes')}${note}`);
}

function diffTable(rows: readonly DiffRow[], label: string): string {
  return renderTable<DiffRow>(
    [
      { header: 'Class', html: (c) => heapText(c.name, 120), className: 'name' },
      { header: 'New', html: (c) => text(formatSignedCount(c.addedCount)), sort: (c) => c.addedCount },
      { header: 'Deleted', html: (c) => text(formatSignedCount(-c.removedCount)), sort: (c) => c.removedCount },
      { header: 'Count delta', html: (c) => text(formatSignedCount(c.countDelta)), sort: (c) => c.countDelta },
      { header: 'Alloc. size', html: (c) => text(formatSignedSize(c.addedSize)), sort: (c) => c.addedSize },
      { header: 'Freed size', html: (c) => text(formatSignedSize(-c.removedSize)), sort: (c) => c.removedSize },
      { header: 'Size delta', html: (c) => text(formatSignedSize(c.sizeDelta)), sort: (c) => c.sizeDelta },
    ],
    rows,
    { label },
  );
}

/** No net change: as many objects (and bytes) came as went. */
const unchanged = (c: DiffRow): boolean => c.countDelta === 0 && c.sizeDelta === 0;

export function diffSection(diff: DiffOutput, totalChanged: number, lastLabel: string): string {
  const title = `Comparison ${text(snapshotLabel(0))} → ${text(lastLabel)}`;
  const intro = `<p>Objects added and removed per class between ${text(snapshotLabel(0))} <b>${fileName(diff.before.path)}</b> and ${text(lastLabel)} <b>${fileName(diff.after.path)}</b>, matched by object id (DevTools' Comparison view), largest size growth first.</p>`;
  const objects = diff.after.nodeCount - diff.before.nodeCount;
  const bytes = diff.after.totalSize - diff.before.totalSize;
  const totals = `${formatSignedCount(objects)} objects, ${formatSignedSize(bytes)}`;
  if (diff.classes.length === 0) return section('diff', title, text(`${totals}; no objects added or removed`), `${intro}\n<p>No objects were added or removed between the snapshots.</p>`);
  const changed = diff.classes.filter((c) => !unchanged(c));
  const same = diff.classes.filter(unchanged);
  const parts = [intro];
  parts.push(changed.length > 0 ? diffTable(changed, 'Comparison') : '<p>Every class kept its count and size: objects were only replaced.</p>');
  if (same.length > 0) {
    parts.push(`<details class="unchanged"><summary>${text(plural(same.length, 'class', 'classes'))} with no net change (as many objects freed as allocated)</summary>\n${diffTable(same, 'Comparison, no net change')}</details>`);
  }
  parts.push(more(diff.classes.length, totalChanged, 'classes with objects added or removed'));
  const gist = `${totals}; ${plural(changed.length, 'class', 'classes')} changed${same.length > 0 ? `, ${formatCount(same.length)} with no net change hidden` : ''}`;
  return section('diff', title, text(gist), parts.join('\n'));
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
    return `<details class="snapshot" id="summary-${i + 1}"><summary>${header}</summary>\n${table}\n${more(s.classes.length, totals[i] ?? 0, 'classes')}</details>`;
  });
  const intro = '<p>DevTools\' Summary view: per class the count, self size and retained size, largest retained size first.</p>';
  const gist = text(`count, self size and retained size per class; ${formatCount(totals.at(-1) ?? 0)} classes in ${snapshotLabel(summaries.length - 1)}`);
  return section('summary', 'Classes in each snapshot', gist, `${intro}\n${parts.join('\n')}`);
}
