import { basename } from 'node:path';
import { contentSecurityPolicy } from './csp.js';
import type { ReportContent } from './data.js';
import { escapeHtml, heapText, jsonForScript } from './escape.js';
import { SORT_SCRIPT } from './script.js';
import { diffSection, growthSection, leaksSection, snapshotLabel, snapshotsSection, summariesSection } from './sections.js';
import { REPORT_STYLE } from './style.js';

/**
 * The whole report as one HTML document: no external resources, one hashed script (table
 * sorting) and one hashed stylesheet, everything from the snapshots escaped, the numbers also
 * as a JSON island (`#heapdiff-data`) equal to the CLI's `--json` documents.
 */
export function renderReportHtml(content: ReportContent): string {
  const { data, leakDetails, totals } = content;
  const last = data.summaries.length - 1;
  const lastFile = basename(data.summaries[last]!.snapshot.path);
  const groupCount = data.leaks.groups.length;
  const lead = groupCount === 0
    ? 'No new objects survived between the snapshots.'
    : `${groupCount} class${groupCount === 1 ? '' : 'es'} of new objects still alive at the end; the first is the largest by retained size.`;
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
<p class="lead">${escapeHtml(lead)}</p>
<nav aria-label="Sections"><ul>
<li><a href="#snapshots">Snapshots</a></li>
<li><a href="#leaks">Leaks</a></li>
<li><a href="#growth">Growth</a></li>
<li><a href="#diff">Comparison ${escapeHtml(snapshotLabel(0))} → ${escapeHtml(snapshotLabel(last))}</a></li>
<li><a href="#summary">Classes in each snapshot</a></li>
</ul></nav>
</header>
<main>
${snapshotsSection(data.summaries)}
${leaksSection(data.leaks, leakDetails)}
${growthSection(data.growth, totals.growingClasses)}
${diffSection(data.diff, totals.diffClasses, snapshotLabel(last))}
${summariesSection(data.summaries, totals.summaryClasses)}
</main>
<footer>Made by heapdiff from V8 heap snapshots. The numbers are also in this file as JSON (<code>script#heapdiff-data</code>): the documents <code>heapdiff summary</code>, <code>diff</code>, <code>leaks</code> and <code>growth</code> print with <code>--json</code>.</footer>
<script type="application/json" id="heapdiff-data">${jsonForScript(data)}</script>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
