#!/usr/bin/env node
// Generates the benchmark heap snapshots into bench/out/ unless already present.
//   node bench/generate.mjs [--only tsc-small,tsc-large] [--huge] [--force]
// --huge (or BENCH_HUGE=1) also makes cache-huge (~2.7 GB, several minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { benchDir, outDir } from './lib/paths.mjs';
import { workloadNode, nodeVersion } from './lib/node-binary.mjs';
import { describe } from './lib/snapshot-header.mjs';
import { selectSnapshots } from './snapshots.mjs';

export function snapshotPath(name) {
  return path.join(outDir, `${name}.heapsnapshot`);
}

export function ensureSnapshots(list, { force = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  let node;
  for (const snap of list) {
    const file = snapshotPath(snap.name);
    // Later snapshots must come from the same process (same object ids): all or none.
    const later = snap.series ?? [];
    const files = [file, ...later.map((s) => snapshotPath(s.name))];
    if (files.every((f) => existsSync(f)) && !force) {
      for (const f of files) console.log(`${path.basename(f, '.heapsnapshot')}: present (${describe(f)})`);
      continue;
    }
    if (snap.needsGB && os.freemem() / 1e9 < snap.needsGB) {
      console.warn(`${snap.name}: warning: needs ~${snap.needsGB} GB of memory, ${(os.freemem() / 1e9).toFixed(1)} GB available`);
    }
    node ??= workloadNode();
    console.log(`${snap.name}: generating with node ${nodeVersion(node)} ...`);
    const tmps = files.map((f) => `${f}.partial`);
    for (const tmp of tmps) rmSync(tmp, { force: true });
    const t0 = Date.now();
    const args = [tmps[0], ...snap.args, ...later.flatMap((s, i) => [tmps[i + 1], ...s.args])];
    const r = spawnSync(node, [`--max-old-space-size=${snap.heapMB}`, path.join(benchDir, snap.workload), ...args],
      { stdio: 'inherit', cwd: benchDir });
    if (r.status !== 0) {
      for (const tmp of tmps) rmSync(tmp, { force: true });
      throw new Error(`${snap.name}: workload failed (${r.signal ?? `exit ${r.status}`})`);
    }
    tmps.forEach((tmp, i) => renameSync(tmp, files[i]));
    for (const f of files) console.log(`${path.basename(f, '.heapsnapshot')}: ${describe(f)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, huge: { type: 'boolean' }, force: { type: 'boolean' } },
  });
  const only = values.only?.split(',');
  const huge = values.huge || process.env.BENCH_HUGE === '1';
  ensureSnapshots(selectSnapshots({ only, huge }), { force: values.force });
}
