import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { FileReadError, HeapSnapshotError } from '../errors.js';
import type { ParsedSnapshot } from './parsed-snapshot.js';
import { SnapshotParser, type ParsedIds } from './snapshot-parser.js';

export interface ReadOptions {
  /** Called as bytes of the file (compressed bytes for .gz) are consumed. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

const CHUNK_SIZE = 4 << 20;
/** Deflate cannot expand more than ~1032:1, which bounds what a .gz may decompress to. */
const MAX_DEFLATE_RATIO = 1032;

async function isGzip(path: string): Promise<boolean> {
  if (path.endsWith('.gz')) return true;
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function describeFsError(path: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file' :
    code === 'EISDIR' ? 'is a directory, not a snapshot file' :
    code === 'EACCES' ? 'permission denied' :
    (error as Error | undefined)?.message ?? String(error);
  return new FileReadError(path, `${path}: ${reason}`);
}

/** Streams a .heapsnapshot (or .heapsnapshot.gz) file through the parser. */
export async function readSnapshotFile(path: string, options: ReadOptions = {}): Promise<ParsedSnapshot> {
  return streamFile(path, options, false, (parser) => parser.end());
}

/** Reads only the node ids of a snapshot (edges and strings are skipped, not decoded). */
export async function readSnapshotIds(path: string, options: ReadOptions = {}): Promise<ParsedIds> {
  return streamFile(path, options, true, (parser) => parser.endIds());
}

async function streamFile<T>(path: string, options: ReadOptions, idsOnly: boolean, finish: (parser: SnapshotParser) => T): Promise<T> {
  let size: number;
  let gzip: boolean;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
    gzip = await isGzip(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  const parser = new SnapshotParser({ maxBytes: gzip ? size * MAX_DEFLATE_RATIO : size, idsOnly });
  const file = createReadStream(path, { highWaterMark: CHUNK_SIZE, signal: options.signal });
  let fileBytes = 0;
  if (options.onProgress) {
    const onProgress = options.onProgress;
    file.on('data', (chunk) => {
      fileBytes += chunk.length;
      onProgress(fileBytes, size);
    });
  }
  const source = gzip ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file;
  if (gzip) file.on('error', (error) => source.destroy(error));
  try {
    for await (const chunk of source) parser.write(chunk as Buffer);
    return finish(parser);
  } catch (error) {
    file.destroy();
    source.destroy();
    if (error instanceof HeapSnapshotError) throw error.withFile(path);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `gzip data is corrupt or cut short (${(error as Error).message})`, parser.bytesRead, path);
    }
    if ((error as Error).name === 'AbortError') throw error;
    throw describeFsError(path, error);
  }
}

/** Parses a snapshot already in memory (tests, small inputs). */
export function parseSnapshotBytes(bytes: Uint8Array, chunkSize = CHUNK_SIZE): ParsedSnapshot {
  const parser = new SnapshotParser({ maxBytes: bytes.length });
  for (let start = 0; start < bytes.length; start += chunkSize) {
    parser.write(bytes.subarray(start, Math.min(bytes.length, start + chunkSize)));
  }
  return parser.end();
}
