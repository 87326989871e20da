import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { MemorySeriesSchema, type MemorySeries } from './schema.js';

/** The file `record` writes beside its snapshots. */
export const MEMORY_FILE = 'memory.json';

/** Hours of samples at 100 ms are a few MB; anything near this is not a series record wrote. */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * The memory series of a recording: `dir/memory.json` for a directory, or the file itself. Null
 * when there is none (a directory `record` did not write, snapshots from elsewhere); a file that
 * is there but is not a valid series is a UsageError naming what is wrong.
 */
export async function readMemorySeries(dirOrFile: string): Promise<MemorySeries | null> {
  let path = dirOrFile;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(dirOrFile, MEMORY_FILE);
    info = await stat(path).catch(() => null);
  }
  if (info === null || !info.isFile()) return null;
  if (info.size > MAX_BYTES) throw new UsageError(`${path}: ${info.size} bytes is too large for a memory series`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = MemorySeriesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new UsageError(`${path}: not a memory series from heapdiff record (${issue.message}${where})`);
  }
  return parsed.data;
}
