import { formatCount, formatSignedCount, formatSize, holderShapeText, plural } from '@heapdiff/core';
// The report's first screen: what leaks, where in the program and how fast, from `leaks` by
// holder — a headline naming the culprits, then one table row per holder. The holders' paths
// and what each holds follow in a section of their own. Heap strings go through heapText.
import { basename } from 'node:path';
import type { LeaksByHolderOutput } from '../../leaks/schema.js';
import { renderSparkline } from './chart.js';
import type { Drawing, HolderDetail } from './data.js';
import { escapeHtml, heapText } from './escape.js';
import { inlineSvg, UnsafeSvgError } from './svg.js';
import { renderTable } from './tables.js';

type Entry = LeaksByHolderOutput['leaks'][number];
type Row = Entry & { rank: number };

/** Culprits the headline names; the table lists them all. */
const HEADLINE_NAMES = 3;
/** Classes of what a holder holds listed in its row; its details list them all. */
const ROW_CLASSES = 3;
/** Counts listed in a row's growth; a longer series shows its first and last. */
const MAX_LISTED = 5;

const text = (s: string): string => escapeHtml(s);
const fileName = (path: string): string => heapText(basename(path), 120);

/** `#2`: how the page refers to a snapshot. */
export const snapshotLabel = (i: number): string => `#${i + 1}`;

/** What the holder counts: its entries, elements, listeners… or a chain's links. */
function unitOf(entry: Entry): string {
  return entry.chain ? 'links' : entry.holder.shape.unit;
}

/** The holder's entries in each snapshot, when they say how it grew (else its gains, counted up). */
function grewBy(entry: Entry): { values: number[]; unit: string } | null {
  const g = entry.growth;
  if (!g) return null;
  const entries = g.entries;
  if (entries.length >= 2 && entries.some((v, i) => i > 0 && v > entries[i - 1]!)) return { values: entries, unit: unitOf(entry) };
  if (g.gained.some((s) => s.count > 0)) {
    let sum = 0;
    return { values: [0, ...g.gained.map((s) => (sum += s.count))], unit: 'objects' };
  }
  return null;
}

/** How fast: `+2,000 entries per interval`, `+200 then +300 elements`, `+40 to +90 timers per interval`. */
export function growthRate(entry: Entry): string | null {
  const grew = grewBy(entry);
  if (!grew) return null;
  const steps = grew.values.slice(1).map((v, i) => v - grew.values[i]!);
  const { unit } = grew;
  if (steps.length === 1) return `${formatSignedCount(steps[0]!)} ${unit}`;
  if (steps.every((s) => s === steps[0])) return `${formatSignedCount(steps[0]!)} ${unit} per interval`;
  if (steps.length <= 3) return `${steps.map(formatSignedCount).join(' then ')} ${unit}`;
  return `${formatSignedCount(Math.min(...steps))} to ${formatSignedCount(Math.max(...steps))} ${unit} per interval`;
}

function listed(values: readonly number[]): string {
  const shown = values.length <= MAX_LISTED ? values : [values[0]!, values[values.length - 1]!];
  return shown.map(formatCount).join(values.length <= MAX_LISTED ? ' → ' : ' → … → ');
}

export function verdictText(entry: Entry, thresholds: LeaksByHolderOutput['thresholds']): string {
  const over = entry.memberRetainedSize >= thresholds.bytes || entry.memberCount >= thresholds.count;
  switch (entry.verdict) {
    case 'leak':
      if (entry.growth?.everyInterval && entry.growth.gained.length >= 2) return 'leak: grows in every interval';
      return over ? `leak: over the thresholds (${formatSize(thresholds.bytes)} or ${formatCount(thresholds.count)} objects)` : 'leak';
    case 'not growing':
      return 'not growing: it gained nothing in some interval';
    case 'below thresholds':
      return 'below the thresholds';
  }
}

/** How core found the holder, for a person. */
const KIND_TEXT: Record<Entry['holder']['kind'], string> = {
  'accumulation point': 'where the survivors accumulate',
  'new collection': 'a collection allocated after the first snapshot that fills up',
  direct: 'the nearest object that holds them and did not leak itself',
};

/** `Map of 4,200 entries`, `a chain of 500 links repeating every 3 steps`; with `counts`, its entries in each snapshot. */
function shapeText(entry: Entry, counts = false): string {
  const base = holderShapeText({ chain: entry.chain, shape: entry.holder.shape, growth: counts ? entry.growth : null });
  return entry.holder.siblings > 1 ? `${base}, one of ${formatCount(entry.holder.siblings)} alike` : base;
}

/** `(module app/x.js)`, and the holder's own file:line when it has one. */
function whereHtml(entry: Entry): string {
  const parts = [entry.holder.where, entry.holder.location].filter((p): p is string => !!p);
  return parts.length > 0 ? `<span class="where">${heapText(parts.join(', '), 200)}</span>` : '';
}

/** The verdict's headline (its text, escaped): `2 leaks: responseCache (module x.cjs) +2,000 entries per interval; …`, or `No leak`. */
export function headline(leaks: LeaksByHolderOutput): { html: string; leakCount: number } {
  const culprits = leaks.leaks.filter((e) => e.verdict === 'leak');
  const leakCount = culprits.length + leaks.more.leaks;
  if (leakCount === 0) return { html: 'No leak', leakCount };
  const named = culprits.slice(0, HEADLINE_NAMES).map((e) => {
    const rate = growthRate(e);
    const where = e.holder.where ? ` <span class="where">(${heapText(e.holder.where, 120)})</span>` : '';
    return `<span class="culprit"><b>${heapText(e.holder.name, 120)}</b>${where}${rate ? ` <span class="rate">${text(rate)}</span>` : ''}</span>`;
  });
  const rest = leakCount - named.length;
  const more = rest > 0 ? `; <span class="more">${text(`${formatCount(rest)} more below`)}</span>` : '';
  return { html: `${text(plural(leakCount, 'leak'))}: ${named.join('; ')}${more}`, leakCount };
}

/** The sentence under the headline: which objects were judged, or why nothing was. */
function explanation(leaks: LeaksByHolderOutput, leakCount: number): string {
  const { snapshots } = leaks;
  const [first, second, last] = [fileName(snapshots[0]!.path), fileName(snapshots[1]!.path), fileName(snapshots.at(-1)!.path)];
  const intervals = snapshots.length - 1;
  if (leaks.leaks.length === 0) return `No object allocated between <b>${first}</b> and <b>${second}</b> is still alive in <b>${last}</b>.`;
  const survivors = `${text(formatCount(leaks.leakedCount))} objects allocated between <b>${first}</b> and <b>${second}</b> are alive in <b>${last}</b>`;
  if (leakCount > 0) return `${survivors}, held by the holders below. A holder that grew in every interval between the ${text(formatCount(snapshots.length))} snapshots is a leak whatever its size.`;
  const judge = intervals < 2 ? ' Take a third snapshot to judge growth.' : '';
  return `${survivors}, but none of their holders keeps growing or reaches the thresholds.${judge}`;
}

/** The verdict block: open, first on the page. */
export function verdictSection(leaks: LeaksByHolderOutput): string {
  const { html, leakCount } = headline(leaks);
  const rows: Row[] = leaks.leaks.map((e, i) => ({ ...e, rank: i + 1 }));
  const parts = [
    `<details class="section verdict${leakCount > 0 ? ' leaking' : ' clean'}" id="verdict" open>`,
    `<summary><h2 class="headline">${html}</h2></summary>`,
    `<p class="lead">${explanation(leaks, leakCount)}</p>`,
  ];
  if (rows.length > 0) {
    parts.push(renderTable<Row>(
      [
        { header: '#', html: (e) => `<a href="#holder-${e.rank}">${e.rank}</a>`, sort: (e) => e.rank },
        { header: 'Holder', html: (e) => `<b class="holder">${heapText(e.holder.name, 160)}</b>${whereHtml(e)}`, className: 'name holder' },
        { header: 'What it is', html: (e) => `${text(shapeText(e))}<br><span class="note">retains ${text(formatSize(e.retainedSize))}</span>`, className: 'shape' },
        { header: 'Grew', html: growthCell, className: 'grew' },
        { header: 'How fast', html: (e) => text(growthRate(e) ?? ''), className: 'rate' },
        { header: 'Holds (survivors)', html: holdsCell, className: 'name holds' },
        { header: 'Verdict', html: (e) => verdictCell(e, leaks.thresholds), className: 'judged' },
      ],
      rows,
      { label: 'Leak holders' },
    ));
  }
  if (leaks.more.entries > 0) {
    const among = leaks.more.leaks > 0 ? `, ${plural(leaks.more.leaks, 'leak')} among them` : '';
    parts.push(`<p class="note">… ${text(plural(leaks.more.entries, 'more holder'))} of ${text(plural(leaks.more.members, 'object'))}${text(among)} (<code>--limit 0</code> shows all)</p>`);
  }
  parts.push('</details>');
  return parts.join('\n');
}

function growthCell(e: Row): string {
  const grew = grewBy(e);
  if (!grew) return '';
  const label = `${grew.unit} in each snapshot: ${grew.values.map(formatCount).join(' → ')}`;
  return `${renderSparkline(grew.values, label, e.verdict === 'leak')}<br><span class="mono">${text(listed(grew.values))}</span>`;
}

function holdsCell(e: Row): string {
  const classes = e.members.slice(0, ROW_CLASSES).map((c) => `${text(formatCount(c.count))} ${heapText(c.name, 120)}`);
  const more = e.members.length > ROW_CLASSES ? `, ${text(plural(e.members.length - ROW_CLASSES, 'more class', 'more classes'))}` : '';
  return `${text(plural(e.memberCount, 'object'))} (${text(formatSize(e.memberRetainedSize))}): ${classes.join(', ')}${more}`;
}

function verdictCell(e: Row, thresholds: LeaksByHolderOutput['thresholds']): string {
  const verdict = text(verdictText(e, thresholds));
  return e.verdict === 'leak' ? `<span class="leak">${verdict}</span>` : verdict;
}

/** A drawing inline, or a note when it did not pass the SVG check. */
export function drawingFigure(drawing: Drawing, idPrefix: string, caption: string): string {
  let svg: string;
  try {
    svg = inlineSvg(drawing.svg, idPrefix);
  } catch (error) {
    if (!(error instanceof UnsafeSvgError)) throw error;
    return `<p class="note">The drawing was left out: ${text(error.message)}.</p>`;
  }
  return `<figure><div class="graph">${svg}</div><figcaption>${caption}</figcaption></figure>`;
}

function holderArticle(e: Row, detail: HolderDetail | undefined, leaks: LeaksByHolderOutput): string {
  const { snapshots, thresholds } = leaks;
  const verdict = verdictText(e, thresholds);
  const flag = e.verdict === 'leak' ? `<span class="leak">${text(verdict)}</span>` : text(verdict);
  const parts = [
    `<article id="holder-${e.rank}"><h3>#${e.rank} ${heapText(e.holder.name, 200)} ${whereHtml(e)}</h3>`,
    `<p>${flag}. ${text(`${shapeText(e, true)}, ${KIND_TEXT[e.holder.kind]}; it retains ${formatSize(e.retainedSize)}`)} <span class="mono">@${e.holder.nodeId}</span></p>`,
  ];
  if (e.growth && e.growth.gained.length > 0) {
    const steps = e.growth.gained.map((s, i) => `${snapshotLabel(i)}→${snapshotLabel(i + 1)} ${formatSignedCount(s.count)} (${formatSize(s.size)})`);
    parts.push(`<p>Objects it gained in each interval and still holds: ${text(steps.join(', '))}</p>`);
  }
  parts.push(renderTable(
    [
      { header: 'It holds', html: (c: Entry['members'][number]) => heapText(c.name, 160), className: 'name' },
      { header: 'Count', html: (c) => text(formatCount(c.count)), sort: (c) => c.count },
      { header: 'Self size', html: (c) => text(formatSize(c.selfSize)), sort: (c) => c.selfSize },
      { header: 'Retained size', html: (c) => text(formatSize(c.retainedSize)), sort: (c) => c.retainedSize },
    ],
    e.members,
    { label: `What #${e.rank} holds` },
  ));
  if (detail) {
    parts.push(`<p class="note">How the program reaches it, down to one object it holds:</p>`);
    parts.push(`<pre>${detail.programPath.map(escapeHtml).join('\n')}</pre>`);
    parts.push(`<details class="full-path"><summary>The whole path from a GC root</summary><pre>${detail.fullPath.map(escapeHtml).join('\n')}</pre></details>`);
    if (detail.drawing) parts.push(drawingFigure(detail.drawing, `holder${e.rank}-`, 'Its paths merged into one drawing: arrows go from holder to held.'));
  } else if (e.paths.length === 0 || e.paths[0]!.length === 0) {
    parts.push('<p class="note">No retainer path: only weak references reach it.</p>');
  }
  const last = fileName(snapshots.at(-1)!.path);
  parts.push(`<p class="note">Next: <code>heapdiff path ${last} @${e.holder.nodeId}</code> for the whole path, <code>heapdiff inspect ${last} @${e.holder.nodeId}</code> for the object.</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

/** Each holder in full: what it holds by class, how it grew, its path in the program's words. */
export function holdersSectionBody(leaks: LeaksByHolderOutput, details: readonly HolderDetail[], overview: Drawing | null): string {
  const parts: string[] = [];
  if (overview) parts.push(drawingFigure(overview, 'overview-', 'The holders\' paths from the program\'s code merged into one drawing: arrows go from holder to held, the objects they hold in red.'));
  leaks.leaks.forEach((e, i) => parts.push(holderArticle({ ...e, rank: i + 1 }, details[i], leaks)));
  return parts.join('\n');
}
