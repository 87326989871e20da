import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { createGunzip } from 'node:zlib';
import { FileReadError, HeapSnapshotError } from '../errors/errors.js';
import type { RetainerArrays } from '../graph/columns.js';
import type { EdgeSplitter } from '../parse/edge-splitter.js';
import type { SnapshotLayout } from '../parse/header.js';
import type { ParsedSnapshot } from '../parse/parsed-snapshot.js';
import { SnapshotParser, type ParsedIds } from '../parse/snapshot-parser.js';

/**
 * A parse of the edges array shared with another party (threads/edge-split.ts). Whatever it does
 * is checked before it is used; when it cannot be trusted the file is parsed again on one thread,
 * so results and errors never depend on it.
 */
export interface SplitParse {
  /** Once the header is known: the split the parser takes its blocks from, or null to parse alone. */
  begin(layout: SnapshotLayout, headerEnd: number): EdgeSplitter | null;
  /** After the last chunk: checks and merges the other part; the retainer index if it was built. */
  complete(parser: SnapshotParser): Promise<RetainerArrays | null>;
  /** After an error: whether the file must be parsed again on one thread to report the first error. */
  needsSequentialParse(parser: SnapshotParser, error: unknown): Promise<boolean>;
  /** Stops the other party; a no-op once it is done. */
  abort(): void;
}

export interface ReadOptions {
  /** Called as bytes of the file (compressed bytes for .gz) are consumed. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Shares the edges array of a plain (not gzipped) file with another thread when it returns a split. */
  parallel?: (path: string, fileSize: number) => SplitParse | null;
}

const CHUNK_SIZE = 4 << 20;
/** Deflate cannot expand more than ~1032:1, which bounds what a .gz may decompress to. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * The JavaScript heap the strings of one snapshot may take: half of what is left, since their
 * size is estimated (two-byte strings take up to twice it) and the rest of the program needs
 * some too. Beyond it the parse fails with an error instead of V8 aborting the process.
 */
function stringHeapBudget(): number {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  return Math.max(0, limit - used) / 2;
}

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
  const split = idsOnly || gzip ? null : (options.parallel?.(path, size) ?? null);
  const edgeSplit = split ? (layout: SnapshotLayout, headerEnd: number) => split.begin(layout, headerEnd) : undefined;
  const parser = new SnapshotParser({ maxBytes: gzip ? size * MAX_DEFLATE_RATIO : size, idsOnly, edgeSplit, maxStringHeapBytes: stringHeapBudget() });
  const chunks = gzip ? gunzipChunks(path, size, options) : fileChunks(path, size, options, parser);
  try {
    for await (const chunk of chunks) parser.write(chunk);
    if (split) parser.prebuiltRetainers = await split.complete(parser);
    return finish(parser);
  } catch (error) {
    if (split) {
      const again = await split.needsSequentialParse(parser, error);
      split.abort(); // the other side must not go on to build a retainer index nobody reads
      if (again) return streamFile(path, { ...options, parallel: undefined }, idsOnly, finish);
    }
    if (error instanceof HeapSnapshotError) throw error.withFile(path);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `gzip data is corrupt or cut short (${(error as Error).message})`, parser.bytesRead, path);
    }
    if ((error as Error).name === 'AbortError') throw error;
    throw describeFsError(path, error);
  }
}

/**
 * Reads a plain file into two reused buffers, the next read under way while the parser works on
 * the current chunk (waiting for each read cost about a tenth of the parse). The parser copies
 * what it keeps, and a fresh buffer per chunk would leave hundreds of megabytes of garbage for
 * the allocator to hold on to.
 */
async function* fileChunks(path: string, size: number, options: ReadOptions, parser: SnapshotParser): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(CHUNK_SIZE), Buffer.allocUnsafe(CHUNK_SIZE)];
  let next = 0;
  let position = 0;
  let pending: Promise<{ bytesRead: number }> | null = handle.read(buffers[0]!, 0, CHUNK_SIZE, 0);
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const { bytesRead }: { bytesRead: number } = await pending!;
      pending = null;
      if (bytesRead === 0) return;
      const chunk = buffers[next]!;
      position += bytesRead;
      next ^= 1;
      pending = handle.read(buffers[next]!, 0, CHUNK_SIZE, position);
      yield bytesRead === CHUNK_SIZE ? chunk : chunk.subarray(0, bytesRead);
      // Past the other thread's part of the file rather than through it.
      const target = parser.skipTarget;
      if (target > position) {
        await pending;
        parser.skipTo(target);
        position = target;
        pending = handle.read(buffers[next]!, 0, CHUNK_SIZE, position);
      }
      options.onProgress?.(position, size);
    }
  } finally {
    // A read still in flight (the parser stopped early) must end before the file is closed.
    await pending?.catch(() => {});
    await handle.close();
  }
}

async function* gunzipChunks(path: string, size: number, options: ReadOptions): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK_SIZE, signal: options.signal });
  if (options.onProgress) {
    const onProgress = options.onProgress;
    let fileBytes = 0;
    file.on('data', (chunk) => {
      fileBytes += chunk.length;
      onProgress(fileBytes, size);
    });
  }
  const source = file.pipe(createGunzip({ chunkSize: 1 << 20 }));
  file.on('error', (error) => source.destroy(error));
  try {
    for await (const chunk of source) yield chunk as Buffer;
  } finally {
    file.destroy();
    source.destroy();
  }
}

/** Parses a snapshot already in memory (tests, small inputs). */
export function parseSnapshotBytes(bytes: Uint8Array, chunkSize = CHUNK_SIZE): ParsedSnapshot {
  const parser = new SnapshotParser({ maxBytes: bytes.length, maxStringHeapBytes: stringHeapBudget() });
  for (let start = 0; start < bytes.length; start += chunkSize) {
    parser.write(bytes.subarray(start, Math.min(bytes.length, start + chunkSize)));
  }
  return parser.end();
}
