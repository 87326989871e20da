// Failure classification, the per-snapshot table and results.json merging.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function failureReason(r, timeoutS) {
  if (r.timedOut) return `timeout after ${timeoutS} s`;
  const text = `${r.stderr}\n${r.stdout ?? ''}`;
  if (/Invalid string length|ERR_STRING_TOO_LONG|Cannot create a string longer/.test(text)) return 'string too long';
  if (/heap out of memory|Reached heap limit|allocation failed/i.test(text)) return 'out of memory (JS heap)';
  if (r.signal) return `killed by signal ${r.signal}${r.signal === 9 || r.signal === 'SIGKILL' ? ' (OOM killer?)' : ''}`;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /\b(\w*Error|ERR_[A-Z_]+)\b/.test(l)) ?? lines.at(-1) ?? '';
  return `exit ${r.code}: ${line.slice(0, 160)}`;
}

/** The last stdout line that parses as JSON, if any (the tool scripts' summaries). */
export function lastJsonLine(stdout) {
  for (const line of (stdout ?? '').trim().split('\n').reverse()) {
    try { const v = JSON.parse(line); if (v && typeof v === 'object') return v; } catch {}
  }
  return undefined;
}

const fmt = (x, d) => (x === undefined ? '-' : x.toFixed(d));
const ratio = (a, b) => (a !== undefined && b ? `${(a / b).toFixed(2)}x` : '-');

export function printTable(snapshot, results, baseline) {
  const base = results.find((r) => r.tool === baseline && r.ok);
  console.log(`\n${snapshot.name}: ${snapshot.describe}`);
  const head = ['tool', 'wall s', 'peak RSS GB', `time vs ${baseline}`, `RSS vs ${baseline}`];
  const rows = results.map((r) => (r.ok
    ? [r.tool, fmt(r.wallS, 2), fmt(r.peakRssGB, 2), ratio(r.wallS, base?.wallS), ratio(r.peakRssGB, base?.peakRssGB)]
    : [r.tool, `fails: ${r.reason}`]));
  const full = rows.filter((r) => r.length === head.length);
  const widths = head.map((h, i) => Math.max(h.length, ...full.map((r) => r[i].length), ...(i ? [] : rows.map((r) => r[0].length))));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(r.length === head.length ? line(r) : `${r[0].padEnd(widths[0])}  ${r[1]}`);
}

/** Merges this run's results into results.json (replacing the same snapshot+tool entries). */
export function saveResults(file, meta, snapshots) {
  let old = { snapshots: [] };
  if (existsSync(file)) { try { old = JSON.parse(readFileSync(file, 'utf8')); } catch {} }
  const merged = old.snapshots ?? [];
  for (const snap of snapshots) {
    const prev = merged.find((s) => s.name === snap.name);
    if (!prev) { merged.push(snap); continue; }
    Object.assign(prev, { ...snap, results: [
      ...prev.results.filter((r) => !snap.results.some((n) => n.tool === r.tool)), ...snap.results] });
  }
  writeFileSync(file, `${JSON.stringify({ ...meta, snapshots: merged }, null, 2)}\n`);
}
