#!/usr/bin/env node
// Benchmarks heapdiff against its peers on the snapshots in bench/out/ (generated if missing).
//   node bench/run.mjs [--only tsc-small,...] [--huge] [--tools heapdiff,devtools,...]
//                      [--timeout 900] [--node /path/to/node]
// Each tool runs in its own process; wall time and peak RSS come from /usr/bin/time.
// Snapshots with a series (tsc-small, cache-huge) also time `heapdiff leaks` on the series and
// `heapdiff suspects` on its last snapshot against `summary` of that last snapshot.
//   node bench/run.mjs --only tsc-small --tools heapdiff,heapdiff-leaks,heapdiff-suspects,heapdiff-summary-last
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureSnapshots, snapshotPath } from './generate.mjs';
import { measure, haveGnuTime } from './lib/measure.mjs';
import { outDir, repoRoot } from './lib/paths.mjs';
import { failureReason, lastJsonLine, printTable, saveResults } from './lib/report.mjs';
import { describe, readHeader } from './lib/snapshot-header.mjs';
import { selectSnapshots } from './snapshots.mjs';
import { TOOLS, BASELINE, SERIES_TOOLS } from './tools.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string' }, huge: { type: 'boolean' }, tools: { type: 'string' },
    timeout: { type: 'string', default: '900' }, node: { type: 'string', default: process.execPath },
  },
});
const huge = values.huge || process.env.BENCH_HUGE === '1';
const snapshots = selectSnapshots({ only: values.only?.split(','), huge });
const wanted = values.tools?.split(',');
const tools = wanted ? TOOLS.filter((t) => wanted.includes(t.name)) : TOOLS;
const seriesTools = wanted ? SERIES_TOOLS.filter((t) => wanted.includes(t.name)) : SERIES_TOOLS;
const unknown = (wanted ?? []).filter((n) => ![...TOOLS, ...SERIES_TOOLS].some((t) => t.name === n));
if (unknown.length || !snapshots.length) {
  console.error(`unknown tool(s) ${unknown.join(', ')} or no snapshot selected`);
  process.exit(2);
}
const timeoutS = Number(values.timeout);
const nodeVersion = execFileSync(values.node, ['--version'], { encoding: 'utf8' }).trim();

ensureSnapshots(snapshots);
console.log(`\ntools run on node ${nodeVersion}, ${os.cpus().length} cpus, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB;` +
  ` measured with ${haveGnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}; timeout ${timeoutS} s`);

/** Runs one tool in its own process and records wall time and peak RSS (or why it failed). */
async function runTool(label, tool, args) {
  const base = { tool: tool.name, node: nodeVersion, date: new Date().toISOString() };
  process.stdout.write(`${label} / ${tool.name} ... `);
  let result;
  if (!existsSync(tool.script)) {
    result = { ...base, ok: false, reason: `not built (${path.relative(repoRoot, tool.script)} missing)` };
  } else {
    const r = await measure({
      node: values.node, nodeArgs: tool.nodeArgs, script: tool.script, args,
      cwd: repoRoot, timeoutS, discardStdout: tool.discardStdout,
    });
    const ok = r.code === 0 && !r.signal && !r.timedOut;
    const peakRssGB = r.peakRssKB === undefined ? undefined : (r.peakRssKB * 1024) / 1e9;
    result = {
      ...base, ok, wallS: +r.wallS.toFixed(2), peakRssGB: peakRssGB && +peakRssGB.toFixed(3),
      ...(r.cpuS === undefined ? {} : { cpuS: +r.cpuS.toFixed(2) }),
      ...(ok ? { summary: lastJsonLine(r.stdout) } : { reason: failureReason(r, timeoutS) }),
    };
  }
  const cpu = result.cpuS === undefined ? '' : ` (${result.cpuS} s CPU)`;
  console.log(result.ok ? `${result.wallS} s${cpu}, ${result.peakRssGB?.toFixed(2)} GB` : `fails: ${result.reason}`);
  return result;
}

/** `leaks` and `suspects` against `summary` of the series' last snapshot (bars: 2x and 1.3x). */
function printSeriesRatios(series, results) {
  const last = series.at(-1);
  for (const measure of ['wallS', 'cpuS']) {
    const time = (name) => results.find((r) => r.tool === name && r.ok)?.[measure];
    const summary = time('heapdiff-summary-last');
    if (summary === undefined) continue;
    const what = measure === 'wallS' ? 'wall' : 'CPU';
    for (const [tool, label, bar] of [['heapdiff-leaks', `leaks ${series.join(' ')}`, 2], ['heapdiff-suspects', `suspects ${last}`, 1.3]]) {
      const t = time(tool);
      if (t !== undefined) console.log(`heapdiff ${label}, ${what}: ${t} s = ${(t / summary).toFixed(2)}x summary of ${last} (${summary} s); bar ${bar}x`);
    }
  }
}

const done = [];
for (const snap of snapshots) {
  const file = snapshotPath(snap.name);
  const results = [];
  for (const tool of tools) results.push(await runTool(snap.name, tool, tool.args(file)));
  const series = [snap.name, ...(snap.series ?? []).map((s) => s.name)];
  if (series.length > 1) {
    const files = series.map((name) => snapshotPath(name));
    for (const tool of seriesTools) results.push(await runTool(series.join(' + '), tool, tool.args(files)));
  }
  const entry = { name: snap.name, ...readHeader(file), describe: describe(file), results };
  printTable(entry, results, BASELINE);
  if (series.length > 1) printSeriesRatios(series, results);
  done.push(entry);
}

const resultsFile = path.join(outDir, 'results.json');
saveResults(resultsFile, { machine: { cpus: os.cpus().length, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1) } }, done);
console.log(`\nresults written to ${path.relative(repoRoot, resultsFile)}`);
