import { lstat, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { holdTemp, PRIVATE_FILE_MODE, releaseTemp } from '../output/atomic-write.js';

/** One file of a set: a plain name (no separators) and its contents. */
export interface SetFile {
  name: string;
  data: string | Uint8Array;
}

const reason = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : String(error));

async function existing(path: string): Promise<'none' | 'file' | 'other'> {
  try {
    return (await lstat(path)).isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * Writes every file of the set into `dir`, or none: all are written into a private temporary
 * directory first, and only then put in place. A new `dir` is that temporary directory (beside
 * it) renamed into place at once; in an existing `dir` (the temporary directory inside it, on the
 * same file system) every target is checked before the first file moves, then each is renamed
 * over the old one. Errors name `option dir` and what failed; the temporary directory goes away on
 * errors and on Ctrl-C.
 */
export async function writeFileSet(option: string, dir: string, files: readonly SetFile[]): Promise<void> {
  const fail = (what: string, error: unknown): never => {
    throw new UsageError(`${option} ${dir}: ${what} (${reason(error)})`);
  };
  const state = await existing(dir);
  if (state === 'file') fail('not a directory', 'ENOTDIR');
  const fresh = state === 'none';
  if (fresh) await mkdir(dirname(dir), { recursive: true }).catch((error: unknown) => fail('cannot create the directory', error));
  const staging = await mkdtemp(fresh ? join(dirname(dir), `.${basename(dir)}.`) : join(dir, '.heapdiff-'))
    .catch((error: unknown) => fail(fresh ? 'cannot create the directory' : 'cannot write in the directory', error));
  holdTemp(staging);
  try {
    for (const file of files) {
      await writeFile(join(staging, file.name), file.data, { flag: 'wx', mode: PRIVATE_FILE_MODE }).catch((error: unknown) => fail(`cannot write ${file.name}`, error));
    }
    if (fresh) {
      // mkdtemp made the directory private (0700), as its files are (0600).
      await rename(staging, dir).catch((error: unknown) => fail('cannot create the directory', error));
      return;
    }
    for (const file of files) {
      if ((await existing(join(dir, file.name))) === 'other') fail(`cannot write ${file.name}`, 'EISDIR');
    }
    for (const file of files) {
      await rename(join(staging, file.name), join(dir, file.name)).catch((error: unknown) => fail(`cannot write ${file.name}`, error));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    releaseTemp(staging);
  }
}
