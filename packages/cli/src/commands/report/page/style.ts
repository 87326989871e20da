// The report's stylesheet: one <style> element, allowed by its hash (no inline style attributes
// anywhere, so the CSP needs no 'unsafe-inline').

export const REPORT_STYLE = `
:root { color-scheme: light; --fg: #1d2125; --muted: #5f6b76; --line: #d8dee4; --stripe: #f6f8fa; --accent: #0b5cad; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
p.lead, .note { color: var(--muted); }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
a { color: var(--accent); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { overflow-x: auto; padding: .6rem .8rem; background: var(--stripe); border: 1px solid var(--line); border-radius: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { max-width: 42rem; overflow-wrap: anywhere; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th button::after { content: " \\2195"; color: var(--muted); font-weight: 400; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--fg); }
th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--fg); }
.leak { color: var(--bad); font-weight: 600; }
figure { margin: .6rem 0 1.2rem; }
figure .graph { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
figure .graph svg { display: block; max-width: none; height: auto; }
figcaption { color: var(--muted); margin-top: .3rem; }
.chart { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.chart svg { max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: 0; }
.legend li { display: flex; gap: .4rem; align-items: center; margin: .15rem 0; overflow-wrap: anywhere; }
.legend svg { flex: none; }
details > summary { cursor: pointer; }
footer { margin-top: 3rem; color: var(--muted); font-size: 12px; }
`;
