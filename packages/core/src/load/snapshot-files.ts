import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Heap snapshots hold whatever the program held, secrets included: only this user may read them. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * A new directory only this user can read (mkdtemp makes it 0700) under the system's temporary
 * directory: heap snapshots hold whatever the program held, secrets included.
 */
export function createPrivateDir(prefix = 'heapdiff-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Creates `dir` (and its parents) if missing; new directories are private. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** `dir/name.heapsnapshot` for each name. */
export function snapshotPaths(dir: string, names: readonly string[]): string[] {
  return names.map((name) => join(dir, `${name}.heapsnapshot`));
}
