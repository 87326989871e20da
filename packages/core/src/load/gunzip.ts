import * as zlib from 'node:zlib';

/** Compressed bytes handed to the inflater at a time: bounds what one step can expand to (~1032×). */
const PIECE_BYTES = 128 << 10;
const FTEXT_FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;

/** The gzip data is damaged; `compressedOffset` is where in the compressed input. */
export class GzipError extends Error {
  constructor(message: string, readonly compressedOffset: number, readonly truncated: boolean) {
    super(message);
  }
}

/** Bytes after the last gzip member that are neither another member nor zero padding. */
export interface GzipTrailer {
  /** Compressed offset of the first such byte. */
  offset: number;
  /** How many bytes from there to the end of the input. */
  count: number;
}

/** Pulls compressed chunks and hands out bytes, tracking their offset in the input. */
class ByteSource {
  private pending: Buffer = Buffer.alloc(0);
  /** Compressed offset of pending[0]. */
  position = 0;
  private exhausted = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>, private readonly onConsumed: (position: number) => void) {}

  /** At least one byte pending, or false at the end of the input. */
  async fill(): Promise<boolean> {
    while (this.pending.length === 0 && !this.exhausted) {
      const next = await this.chunks.next();
      if (next.done) this.exhausted = true;
      else this.pending = next.value;
    }
    return this.pending.length > 0;
  }

  peek(): Buffer {
    return this.pending;
  }

  /** At least `n` bytes pending (fewer only at the end of the input). */
  async ensure(n: number): Promise<Buffer> {
    while (this.pending.length < n && !this.exhausted) {
      const next = await this.chunks.next();
      if (next.done) this.exhausted = true;
      else this.pending = Buffer.concat([this.pending, next.value]);
    }
    return this.pending;
  }

  consume(n: number): void {
    this.pending = this.pending.subarray(n);
    this.position += n;
    this.onConsumed(this.position);
  }

  /** The next byte, or -1 at the end of the input. */
  async byte(): Promise<number> {
    if (!(await this.fill())) return -1;
    const b = this.pending[0]!;
    this.consume(1);
    return b;
  }

  /** Exactly `n` bytes, or null if the input ends first. */
  async bytes(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      if (!(await this.fill())) return null;
      const take = Math.min(n - got, this.pending.length);
      parts.push(Buffer.from(this.pending.subarray(0, take)));
      this.consume(take);
      got += take;
    }
    return Buffer.concat(parts);
  }

  /** Counts what is left of the input. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.fill()) {
      count += this.pending.length;
      this.consume(this.pending.length);
    }
    return count;
  }
}

/**
 * Decompresses gzip data (RFC 1952) member by member, checking each member's CRC-32 and size,
 * and knows exactly where the gzip data ends: bytes after the last member that are not another
 * member are not an error here but are reported through `trailer` (zero padding is skipped, as
 * gzip does), with their compressed offset. node:zlib's gunzip instead fails on them and drops
 * what it decompressed last, so a caller could neither finish the snapshot nor say where they are.
 */
export async function* gunzip(
  chunks: AsyncIterable<Buffer>,
  trailer: { found: GzipTrailer | null },
  onConsumed: (compressedBytes: number) => void = () => {},
): AsyncGenerator<Buffer> {
  const input = new ByteSource(chunks[Symbol.asyncIterator](), onConsumed);
  for (let member = 0; ; member++) {
    // Zero padding after a member is skipped; anything else must start another member.
    let padding = 0;
    while (member > 0 && (await input.fill()) && input.peek()[0] === 0) {
      const zeros = input.peek().findIndex((b) => b !== 0);
      const n = zeros < 0 ? input.peek().length : zeros;
      input.consume(n);
      padding += n;
    }
    if (!(await input.fill())) {
      if (member === 0) throw new GzipError(`empty gzip file`, 0, true);
      return;
    }
    const start = input.position;
    const head = await input.ensure(2);
    if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
      if (member === 0 && head.length < 2 && head[0] === 0x1f) throw new GzipError(`gzip data ends early (in a header)`, start + 1, true);
      if (member === 0) throw new GzipError(`not gzip data`, start, false);
      trailer.found = { offset: start - padding, count: padding + (await input.drain()) };
      return;
    }
    await readHeader(input);
    let crc = 0;
    let size = 0;
    for await (const out of inflateMember(input)) {
      crc = crc32(out, crc);
      size += out.length;
      yield out;
    }
    const end = await input.bytes(8);
    if (!end) throw new GzipError(`gzip data ends early (in the trailer of the member at byte ${start})`, input.position, true);
    if (end.readUInt32LE(0) !== crc || end.readUInt32LE(4) !== size % 2 ** 32) {
      throw new GzipError(`gzip data is corrupt (checksum of the member at byte ${start} does not match)`, input.position - 8, false);
    }
  }
}

async function readHeader(input: ByteSource): Promise<void> {
  const start = input.position;
  const fixed = await input.bytes(10);
  if (!fixed) throw new GzipError(`gzip data ends early (in a header)`, input.position, true);
  if (fixed[2] !== 8) throw new GzipError(`gzip data uses an unknown compression method (${fixed[2]})`, start + 2, false);
  const flags = fixed[3]!;
  if ((flags & FRESERVED) !== 0) throw new GzipError(`gzip header has reserved flags set`, start + 3, false);
  if (flags & FEXTRA) {
    const length = await input.bytes(2);
    if (!length || !(await input.bytes(length.readUInt16LE(0)))) throw new GzipError(`gzip data ends early (in a header)`, input.position, true);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    for (let b = await input.byte(); b !== 0; b = await input.byte()) {
      if (b < 0) throw new GzipError(`gzip data ends early (in a header)`, input.position, true);
    }
  }
  if (flags & FTEXT_FHCRC && !(await input.bytes(2))) throw new GzipError(`gzip data ends early (in a header)`, input.position, true);
}

/** One member's deflate data, inflated piece by piece; leaves the input just after it. */
async function* inflateMember(input: ByteSource): AsyncGenerator<Buffer> {
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 20 });
  const outputs: Buffer[] = [];
  let failure: Error | null = null;
  let ended = false;
  inflate.on('data', (out: Buffer) => outputs.push(out));
  inflate.on('error', (error: Error) => { failure = error; });
  inflate.on('end', () => { ended = true; });
  let written = 0;
  try {
    for (;;) {
      if (!(await input.fill())) {
        // The input ended inside the deflate data (or exactly at its end): finishing tells which.
        await new Promise<void>((resolve) => {
          inflate.once('end', resolve);
          inflate.once('error', () => resolve());
          inflate.end();
        });
        yield* outputs.splice(0);
        if (failure) throw new GzipError(`gzip data ends early`, input.position, true);
        throw new GzipError(`gzip data ends early (no trailer)`, input.position, true);
      }
      const piece = input.peek().subarray(0, PIECE_BYTES);
      const before = inflate.bytesWritten;
      await taken(inflate, piece);
      written += piece.length;
      const used = inflate.bytesWritten - before;
      yield* outputs.splice(0);
      if (failure) throw new GzipError(`gzip data is corrupt (${(failure as Error).message})`, input.position + used, false);
      input.consume(used);
      // The deflate data ended inside this piece, or exactly at its end (then the next piece is not taken).
      if (used < piece.length || ended || inflate.bytesWritten < written) break;
    }
    // Outputs of the last write may arrive after its callback.
    await new Promise<void>((resolve) => setImmediate(resolve));
    yield* outputs.splice(0);
  } finally {
    inflate.destroy();
  }
}

/** Resolves once the inflater has taken `piece`, or failed on it (then no callback comes). */
function taken(inflate: zlib.InflateRaw, piece: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      inflate.off('error', done);
      resolve();
    };
    inflate.once('error', done);
    inflate.write(piece, done);
  });
}

/** CRC-32 (of gzip and PNG): node:zlib's when it has one (Node 20.15+), a table otherwise. */
const crc32: (data: Uint8Array, value: number) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function'
  ? (data, value) => (zlib as unknown as { crc32(data: Uint8Array, value: number): number }).crc32(data, value)
  : tableCrc32;

let crcTable: Int32Array | null = null;

function tableCrc32(data: Uint8Array, value: number): number {
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
