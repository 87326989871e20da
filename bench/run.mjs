#!/usr/bin/env node
// Benchmarks heapdiff against its peers on the snapshots in bench/out/ (generated if missing).
//   node bench/run.mjs [--only tsc-small,...] [--huge] [--tools heapdiff,devtools,...]
//                      [--timeout 900] [--node /path/to/node]
// Each tool runs in its own process; wall time and peak RSS come from /usr/bin/time.
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
import { TOOLS, BASELINE } from './tools.mjs';

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
const unknown = (wanted ?? []).filter((n) => !TOOLS.some((t) => t.name === n));
if (unknown.length || !snapshots.length) {
  console.error(`unknown tool(s) ${unknown.join(', ')} or no snapshot selected`);
  process.exit(2);
}
const timeoutS = Number(values.timeout);
const nodeVersion = execFileSync(values.node, ['--version'], { encoding: 'utf8' }).trim();

ensureSnapshots(snapshots);
console.log(`\ntools run on node ${nodeVersion}, ${os.cpus().length} cpus, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB;` +
  ` measured with ${haveGnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}; timeout ${timeoutS} s`);

const done = [];
for (const snap of snapshots) {
  const file = snapshotPath(snap.name);
  const results = [];
  for (const tool of tools) {
    const base = { tool: tool.name, node: nodeVersion, date: new Date().toISOString() };
    process.stdout.write(`${snap.name} / ${tool.name} ... `);
    if (!existsSync(tool.script)) {
      results.push({ ...base, ok: false, reason: `not built (${path.relative(repoRoot, tool.script)} missing)` });
    } else {
      const r = await measure({
        node: values.node, nodeArgs: tool.nodeArgs, script: tool.script, args: tool.args(file),
        cwd: repoRoot, timeoutS, discardStdout: tool.discardStdout,
      });
      const ok = r.code === 0 && !r.signal && !r.timedOut;
      const peakRssGB = r.peakRssKB === undefined ? undefined : (r.peakRssKB * 1024) / 1e9;
      results.push({
        ...base, ok, wallS: +r.wallS.toFixed(2), peakRssGB: peakRssGB && +peakRssGB.toFixed(3),
        ...(ok ? { summary: lastJsonLine(r.stdout) } : { reason: failureReason(r, timeoutS) }),
      });
    }
    const last = results.at(-1);
    console.log(last.ok ? `${last.wallS} s, ${last.peakRssGB?.toFixed(2)} GB` : `fails: ${last.reason}`);
  }
  const entry = { name: snap.name, ...readHeader(file), describe: describe(file), results };
  printTable(entry, results, BASELINE);
  done.push(entry);
}

const resultsFile = path.join(outDir, 'results.json');
saveResults(resultsFile, { machine: { cpus: os.cpus().length, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1) } }, done);
console.log(`\nresults written to ${path.relative(repoRoot, resultsFile)}`);
