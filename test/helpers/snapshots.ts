// Real `v8.writeHeapSnapshot()` output for the compatibility tests: runs a
// scenario script (test/scenarios/<name>.cjs) on a chosen Node major.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { SYSTEM_MAJOR, nodeBinary, type NodeMajor } from './node-binaries.js';

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../scenarios');

/** How many snapshot paths each scenario takes on its command line (default 1). */
const SNAPSHOTS_PER_SCENARIO: Record<string, number> = { 'leak-three': 3, 'hostile-leak': 3,
  'leak-closure-context': 3, 'leak-timer': 3, 'leak-sliced-string': 3, 'hostile-strings': 2,
  'named-leaks': 3, 'leak-closure-chain': 3, 'slow-leak': 3, 'bounded-cache': 3, 'leak-four': 4,
  'redact-secrets': 2,
};

/** Writing a snapshot of a small heap takes about a second; slow CI disks get a lot of slack. */
const SCENARIO_TIMEOUT_MS = 120_000;

export interface MakeSnapshotOptions {
  node?: NodeMajor;
  /** Extra arguments after the snapshot paths. Part of the cache key. */
  args?: string[];
}

const inFlight = new Map<string, Promise<string[]>>();

/**
 * Runs the scenario and resolves with its snapshot paths (in argv order).
 * Cached per (scenario, major, args) for the whole vitest run: in memory within a
 * test file, and on disk in the run directory provided by global setup across files.
 */
export function makeSnapshot(scenario: string, opts: MakeSnapshotOptions = {}): Promise<string[]> {
  const major = opts.node ?? (SYSTEM_MAJOR as NodeMajor);
  const args = opts.args ?? [];
  const key = [scenario, `node${major}`, ...args].join('-').replace(/[^\w.-]+/g, '_');
  let pending = inFlight.get(key);
  if (!pending) {
    pending = produce(scenario, major, args, key);
    pending.catch(() => inFlight.delete(key)); // a failure is not cached; the next caller retries
    inFlight.set(key, pending);
  }
  return pending;
}

function runDir(): string {
  let provided: string | undefined;
  try {
    provided = inject('heapdiffRunDir');
  } catch {
    // not inside a vitest worker
  }
  // Without test/setup/global-setup.ts (another config): a per-process directory.
  return provided ?? join(tmpdir(), `heapdiff-test-${process.pid}`);
}

async function produce(scenario: string, major: NodeMajor, args: string[], key: string): Promise<string[]> {
  const script = join(SCENARIO_DIR, `${scenario}.cjs`);
  if (!existsSync(script)) throw new Error(`no scenario ${script}`);
  const count = SNAPSHOTS_PER_SCENARIO[scenario] ?? 1;
  const names = Array.from({ length: count }, (_, i) => `${i + 1}.heapsnapshot`);
  const finalDir = join(runDir(), key);
  const finalPaths = names.map((n) => join(finalDir, n));
  if (finalPaths.every((p) => existsSync(p))) return finalPaths; // another test file made them

  // Write into a fresh directory, then rename it into place: test files in other
  // processes either see the complete set of snapshots or none.
  await mkdir(dirname(finalDir), { recursive: true });
  const work = await mkdtemp(`${finalDir}.tmp-`);
  try {
    const node = nodeBinary(major);
    await runScenario(node, ['--expose-gc', script, ...names.map((n) => join(work, n)), ...args]);
    await rename(work, finalDir).catch((err: NodeJS.ErrnoException) => {
      if (!finalPaths.every((p) => existsSync(p))) throw err; // lost a race to an equal copy: fine
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return finalPaths;
}

function runScenario(node: string, argv: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: SCENARIO_TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.resume(); // scenarios print nothing we need; never let the pipe fill up
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${node} ${argv.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr}`));
    });
  });
}

/** The `snapshot` header object (meta, counts) of a snapshot file, read from its first bytes. */
export function readSnapshotHeader(path: string): { meta: Record<string, unknown>; node_count: number; edge_count: number } {
  // V8 writes the header first and ends it right before `"nodes"`; 1 MB is plenty.
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    const end = text.indexOf('"nodes"');
    if (end < 0) throw new Error(`${path}: no "nodes" within the first MB`);
    return (JSON.parse(`${text.slice(0, end).trimEnd().replace(/,$/, '')}}`) as { snapshot: ReturnType<typeof readSnapshotHeader> }).snapshot;
  } finally {
    closeSync(fd);
  }
}
