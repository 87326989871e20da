// The report's stylesheet: one <style> element, allowed by its hash (no inline style attributes
// anywhere, so the CSP needs no 'unsafe-inline').

export const REPORT_STYLE = `
:root { color-scheme: light; --fg: #1d2125; --muted: #5f6b76; --line: #d8dee4; --stripe: #f6f8fa; --accent: #0b5cad; --bad: #b42318; --good: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 1rem 1.5rem; color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem 1rem; margin-bottom: .6rem; }
h1 { font-size: 1.15rem; margin: 0; color: var(--muted); font-weight: 600; }
header .files { margin: 0; color: var(--muted); }
h2 { font-size: 1.1rem; margin: 0; display: inline; }
h3 { font-size: 1.02rem; margin: 1.4rem 0 .4rem; }
.note, .lead { color: var(--muted); }
a { color: var(--accent); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { overflow-x: auto; padding: .6rem .8rem; background: var(--stripe); border: 1px solid var(--line); border-radius: 4px; }
details.section { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; background: #fff; }
details.section > summary { cursor: pointer; padding: .55rem .9rem; }
details.section > summary .gist { font-size: .9rem; font-weight: 400; color: var(--muted); margin-left: .6rem; }
details.section > .section-body { padding: 0 .9rem .8rem; }
details.section[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: .6rem; }
details.verdict { border-width: 2px; }
details.verdict.leaking { border-color: var(--bad); }
details.verdict.clean { border-color: var(--good); }
details.verdict > summary { padding: .7rem .9rem; }
details.verdict > p, details.verdict > .table-wrap { margin-left: .9rem; margin-right: .9rem; }
.headline { font-size: 1.3rem; line-height: 1.5; }
.verdict.leaking .headline { color: var(--bad); }
.verdict.clean .headline { color: var(--good); }
.headline .culprit b { color: var(--fg); }
.headline .where, .headline .more { color: var(--muted); font-weight: 400; font-size: 1rem; }
.headline .rate { color: var(--bad); font-weight: 600; font-size: 1rem; }
.where { display: block; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.headline .where { display: inline; }
details details { margin: .4rem 0; }
details details > summary { cursor: pointer; color: var(--accent); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0 .8rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { max-width: 36rem; overflow-wrap: anywhere; }
details.verdict table { width: 100%; }
td.holder { min-width: 13rem; }
td.shape { min-width: 9rem; }
td.holds { min-width: 16rem; }
td.rate { min-width: 8rem; color: var(--bad); }
td.judged { min-width: 9rem; }
td.grew { min-width: 8rem; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th button::after { content: " \\2195"; color: var(--muted); font-weight: 400; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--fg); }
th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--fg); }
.leak { color: var(--bad); font-weight: 600; }
figure { margin: .6rem 0 1rem; }
figure .graph { overflow: auto; max-height: 70vh; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
figure .graph svg { display: block; max-width: none; height: auto; }
figcaption { color: var(--muted); margin-top: .3rem; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(264px, 1fr)); gap: .8rem 1rem; margin: .6rem 0 1rem; }
.panels figure { margin: 0; }
.panels figcaption { margin: 0 0 .2rem; color: var(--fg); overflow-wrap: anywhere; }
.panels figcaption .name { font-weight: 600; }
.panels svg { display: block; width: 100%; height: auto; }
.memory-chart svg { display: block; width: 100%; height: auto; }
article { border-top: 1px solid var(--line); margin-top: 1rem; }
article:first-child { border-top: 0; }
article h3 .where { display: inline; font-weight: 400; margin-left: .4rem; }
footer { margin-top: 1.5rem; color: var(--muted); font-size: 12px; }
`;
