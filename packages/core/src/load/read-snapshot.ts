import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { totalmem } from 'node:os';
import { FileReadError, HeapSnapshotError, type SnapshotWarning } from '../errors/errors.js';
import type { RetainerArrays } from '../graph/columns.js';
import type { EdgeSplitter } from '../parse/edge-splitter.js';
import type { SnapshotLayout } from '../parse/header.js';
import type { ParsedSnapshot } from '../parse/parsed-snapshot.js';
import { SnapshotParser, type ParsedIds } from '../parse/snapshot-parser.js';
import { gunzip, GzipError, type GzipTrailer } from './gunzip.js';

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
  /** Called as bytes of the file (compressed bytes for .gz) are consumed; not for a stream (`-`, a pipe). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Shares the edges array of a plain (not gzipped) file with another thread when it returns a split. */
  parallel?: (path: string, fileSize: number) => SplitParse | null;
  /** Told, once the snapshot has loaded, about oddities that did not stop it (bytes after its end). */
  onWarning?: (warning: SnapshotWarning) => void;
}

/** The path that names standard input: read once, as a stream. */
export const STDIN_PATH = '-';

const CHUNK_SIZE = 4 << 20;
/** Deflate cannot expand more than ~1032:1, which bounds what a .gz may decompress to. */
const MAX_DEFLATE_RATIO = 1032;

/** How errors and warnings name an input. */
export function inputName(path: string): string {
  return path === STDIN_PATH ? 'stdin' : path;
}

/**
 * The JavaScript heap the strings of one snapshot may take: half of what is left, since their
 * size is estimated (two-byte strings take up to twice it) and the rest of the program needs
 * some too. Beyond it the parse fails with an error instead of V8 aborting the process.
 */
function stringHeapBudget(): number {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  return Math.max(0, limit - used) / 2;
}

function describeFsError(path: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file' :
    code === 'EISDIR' ? 'is a directory, not a snapshot file' :
    code === 'EACCES' ? 'permission denied' :
    (error as Error | undefined)?.message ?? String(error);
  const name = inputName(path);
  return new FileReadError(name, `${name}: ${reason}`);
}

/** Streams a .heapsnapshot (or .heapsnapshot.gz) file through the parser. */
export async function readSnapshotFile(path: string, options: ReadOptions = {}): Promise<ParsedSnapshot> {
  return streamFile(path, options, false, (parser) => parser.end());
}

/** Reads only the node ids of a snapshot (edges and strings are skipped, not decoded). */
export async function readSnapshotIds(path: string, options: ReadOptions = {}): Promise<ParsedIds> {
  return streamFile(path, options, true, (parser) => parser.endIds());
}

/**
 * Where the bytes come from. A regular file is read at positions (a split parse, a second
 * attempt); standard input, a pipe or a device only once, in order.
 */
type Input =
  | { kind: 'file'; size: number; gzip: boolean }
  | { kind: 'stream'; gzip: boolean; chunks: AsyncIterable<Buffer> };

let stdinTaken = false;

/** Names of standard input other than `-`: opening them fails when it is a socket (a spawned child's pipe). */
const STDIN_NAMES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** Whether reading `path` reads this process's standard input (which only the main thread can). */
export function readsStdin(path: string): boolean {
  return path === STDIN_PATH || STDIN_NAMES.has(path);
}

async function openInput(path: string, options: ReadOptions): Promise<Input> {
  const name = inputName(path);
  if (path !== STDIN_PATH) {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.isFile()) return { kind: 'file', size: info.size, gzip: await isGzip(path) };
    if (!STDIN_NAMES.has(path)) return sniffStream(createReadStream(path, { highWaterMark: CHUNK_SIZE, signal: options.signal }), path, options);
  }
  if (stdinTaken) throw new FileReadError(name, `${name}: already read (a snapshot on stdin can be read only once; save it to a file)`);
  stdinTaken = true;
  if (process.stdin.isTTY) throw new FileReadError(name, `${name}: is a terminal, not a snapshot (pipe one in, or name a file)`);
  return sniffStream(process.stdin, path, options);
}

/** A stream, its first chunk read to tell gzip (magic bytes 1f 8b) from plain JSON. */
async function sniffStream(stream: AsyncIterable<Buffer>, path: string, options: ReadOptions): Promise<Input> {
  const iterator = stream[Symbol.asyncIterator]();
  let first = await iterator.next();
  // A pipe may deliver a single byte first.
  while (!first.done && first.value.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    first = { done: false, value: Buffer.concat([first.value, next.value]) };
  }
  const head: Buffer | null = first.done ? null : first.value;
  const gzip = path.endsWith('.gz') || (head !== null && head[0] === 0x1f && head[1] === 0x8b);
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (head) yield head;
      for (;;) {
        options.signal?.throwIfAborted();
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { kind: 'stream', gzip, chunks: chunks() };
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

async function streamFile<T>(path: string, options: ReadOptions, idsOnly: boolean, finish: (parser: SnapshotParser) => T): Promise<T> {
  const name = inputName(path);
  let input: Input;
  try {
    input = await openInput(path, options);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw describeFsError(path, error);
  }
  const split = idsOnly || input.kind !== 'file' || input.gzip ? null : (options.parallel?.(path, input.size) ?? null);
  const edgeSplit = split ? (layout: SnapshotLayout, headerEnd: number) => split.begin(layout, headerEnd) : undefined;
  // A stream's size is unknown: header counts are held to what this machine's memory could hold.
  const maxBytes = input.kind === 'stream' ? totalmem() : input.gzip ? input.size * MAX_DEFLATE_RATIO : input.size;
  const parser = new SnapshotParser({ maxBytes, idsOnly, edgeSplit, maxStringHeapBytes: stringHeapBudget() });
  const trailer: { found: GzipTrailer | null } = { found: null };
  const progress = input.kind === 'file' ? options.onProgress : undefined;
  const compressed = input.kind === 'stream' ? input.chunks : input.gzip ? compressedFileChunks(path, options) : null;
  const chunks = compressed
    ? (input.gzip ? gunzip(compressed, trailer, progress && ((bytes) => progress(bytes, (input as { size: number }).size))) : compressed)
    : fileChunks(path, (input as { size: number }).size, options, parser);
  let result: T;
  try {
    for await (const chunk of chunks) parser.write(chunk);
    if (split) parser.prebuiltRetainers = await split.complete(parser);
    result = finishAfterGzip(parser, finish, trailer.found);
  } catch (error) {
    if (split) {
      const again = await split.needsSequentialParse(parser, error);
      split.abort(); // the other side must not go on to build a retainer index nobody reads
      if (again) return streamFile(path, { ...options, parallel: undefined }, idsOnly, finish);
    }
    if (error instanceof HeapSnapshotError) throw error.withFile(name);
    if (error instanceof GzipError) {
      throw new HeapSnapshotError(error.truncated ? 'E_SNAPSHOT_TRUNCATED' : 'E_SNAPSHOT_GZIP', `${error.message} (at byte ${error.compressedOffset} of the compressed file)`, parser.bytesRead, name);
    }
    if ((error as Error).name === 'AbortError') throw error;
    throw describeFsError(path, error);
  }
  const where = input.gzip ? ' of the decompressed data' : '';
  const stray = parser.strayBytes;
  if (stray) warn(options, name, `${stray.count} bytes after the end of the snapshot at byte ${stray.end}${where} are ignored`, stray.end);
  const gzipEnd = trailer.found;
  if (gzipEnd) warn(options, name, `${gzipEnd.count} bytes after the end of the gzip data at byte ${gzipEnd.offset} of the compressed file are ignored`, parser.bytesRead);
  return result;
}

/**
 * Completes the parse. Bytes after the gzip data are harmless after a complete snapshot; after
 * an incomplete one they are named in the error, since they are likely where the rest went.
 */
function finishAfterGzip<T>(parser: SnapshotParser, finish: (parser: SnapshotParser) => T, gzipEnd: GzipTrailer | null): T {
  try {
    return finish(parser);
  } catch (error) {
    if (!gzipEnd || !(error instanceof HeapSnapshotError) || error.code !== 'E_SNAPSHOT_TRUNCATED') throw error;
    const after = `the gzip data ends at byte ${gzipEnd.offset} of the compressed file, followed by ${gzipEnd.count} bytes that are not gzip data`;
    throw new HeapSnapshotError(error.code, `${error.message}; ${after}`, error.offset, error.file);
  }
}

function warn(options: ReadOptions, file: string, message: string, offset: number): void {
  options.onWarning?.({ code: 'W_STRAY_BYTES', message, file, offset });
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

/** A .gz file's compressed bytes, in order. */
async function* compressedFileChunks(path: string, options: ReadOptions): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK_SIZE, signal: options.signal });
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } finally {
    file.destroy();
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
