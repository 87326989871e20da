import { plural } from '@heapdiff/core';
import { basename } from 'node:path';
import { contentSecurityPolicy } from './csp.js';
import type { ReportContent } from './data.js';
import { escapeHtml, heapText, jsonForScript } from './escape.js';
import { SORT_SCRIPT } from './script.js';
import { diffSection, growthSection, memorySection, section, snapshotsSection, summariesSection } from './sections.js';
import { REPORT_STYLE } from './style.js';
import { holdersSectionBody, snapshotLabel, verdictSection } from './verdict.js';

/** Classes that leaking holders hold: their growth charts come first. */
function leakingClasses(content: ReportContent): Set<string> {
  return new Set(content.data.leaks.leaks.filter((e) => e.verdict === 'leak').flatMap((e) => e.members.map((m) => m.name)));
}

/**
 * The whole report as one HTML document: the verdict first and open, every other section a
 * closed <details> whose summary says what it found. No external resources, one hashed script
 * (table sorting) and one hashed stylesheet, everything from the snapshots escaped, the numbers
 * also as a JSON island (`#heapdiff-data`) equal to the CLI's `--json` documents.
 */
export function renderReportHtml(content: ReportContent): string {
  const { data, holders, overview, totals } = content;
  const last = data.summaries.length - 1;
  const lastFile = basename(data.summaries[last]!.snapshot.path);
  const files = `${escapeHtml(plural(data.summaries.length, 'snapshot'))} of one process, oldest first: ` +
    `${escapeHtml(snapshotLabel(0))} <b>${heapText(basename(data.summaries[0]!.snapshot.path), 120)}</b> … ${escapeHtml(snapshotLabel(last))} <b>${heapText(lastFile, 120)}</b>`;
  const sections = [verdictSection(data.leaks)];
  if (data.leaks.leaks.length > 0) {
    sections.push(section('holders', 'Leak holders in detail', 'how the program reaches each one, what it holds, how it grew', holdersSectionBody(data.leaks, holders, overview)));
  }
  if (data.memory) sections.push(memorySection(data.memory, data.summaries));
  sections.push(
    growthSection(data.growth, totals.growingClasses, leakingClasses(content)),
    diffSection(data.diff, totals.diffClasses, snapshotLabel(last)),
    summariesSection(data.summaries, totals.summaryClasses),
    snapshotsSection(data.summaries),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(SORT_SCRIPT, REPORT_STYLE))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="heapdiff">
<title>heapdiff report: ${heapText(lastFile, 120)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>heapdiff report</h1>
<p class="files">${files}</p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>Made by heapdiff from V8 heap snapshots. Click a section to open it, a column header to sort its table. The numbers are also in this file as JSON (<code>script#heapdiff-data</code>): the documents <code>heapdiff summary</code>, <code>diff</code>, <code>leaks</code> and <code>growth</code> print with <code>--json</code>.</footer>
<script type="application/json" id="heapdiff-data">${jsonForScript(data)}</script>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
