import { gzipSync, deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { gunzip, GzipError, type GzipTrailer } from './gunzip.js';

const TEXT = Buffer.from(Array.from({ length: 5000 }, (_, i) => `{"n":${i * 7919 % 10007}},`).join(''));

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function run(bytes: Buffer, chunk = bytes.length): Promise<{ out: Buffer; trailer: GzipTrailer | null; consumed: number }> {
  const trailer: { found: GzipTrailer | null } = { found: null };
  const parts: Buffer[] = [];
  let consumed = 0;
  for await (const out of gunzip(chunksOf(bytes, Math.max(1, chunk)), trailer, (n) => { consumed = n; })) parts.push(out);
  return { out: Buffer.concat(parts), trailer: trailer.found, consumed };
}

async function failure(bytes: Buffer, chunk = bytes.length): Promise<GzipError> {
  const error = await run(bytes, chunk).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GzipError);
  return error as GzipError;
}

/** A gzip member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC). */
function memberWithAllFields(data: Buffer): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
  const extra = Buffer.from([4, 0, 1, 2, 3, 4]);
  const name = Buffer.from('snapshot.heapsnapshot\0');
  const comment = Buffer.from('a comment\0');
  const headerCrc = Buffer.from([0x12, 0x34]); // not checked, as gzip does not
  const plain = gzipSync(data);
  return Buffer.concat([header, extra, name, comment, headerCrc, deflateRawSync(data), plain.subarray(plain.length - 8)]);
}

describe('gunzip', () => {
  test('decompresses one member, in chunks of any size', async () => {
    const gz = gzipSync(TEXT);
    for (const chunk of [1, 2, 3, 10, 100, 4096, gz.length]) {
      const { out, trailer, consumed } = await run(gz, chunk);
      expect(out.equals(TEXT), `chunks of ${chunk}`).toBe(true);
      expect(trailer).toBe(null);
      expect(consumed).toBe(gz.length);
    }
  });

  test('decompresses several members, zero padding, and every optional header field', async () => {
    const gz = Buffer.concat([gzipSync(TEXT.subarray(0, 1000)), Buffer.alloc(5), memberWithAllFields(TEXT.subarray(1000)), Buffer.alloc(3)]);
    for (const chunk of [1, 7, gz.length]) {
      const { out, trailer } = await run(gz, chunk);
      expect(out.equals(TEXT), `chunks of ${chunk}`).toBe(true);
      expect(trailer).toBe(null);
    }
  });

  test('a member whose deflate data ends exactly at a chunk boundary', async () => {
    const gz = gzipSync(TEXT);
    const deflateEnd = gz.length - 8;
    async function* split(): AsyncGenerator<Buffer> {
      yield gz.subarray(0, deflateEnd);
      yield gz.subarray(deflateEnd);
      yield Buffer.from('tail');
    }
    const trailer: { found: GzipTrailer | null } = { found: null };
    const parts: Buffer[] = [];
    for await (const out of gunzip(split(), trailer)) parts.push(out);
    expect(Buffer.concat(parts).equals(TEXT)).toBe(true);
    expect(trailer.found).toEqual({ offset: gz.length, count: 4 });
  });

  test('bytes after the last member are reported with their compressed offset, not decompressed into', async () => {
    const gz = gzipSync(TEXT);
    for (const tail of ['garbage', '\0\0\0garbage', '\u001f']) {
      const bytes = Buffer.concat([gz, Buffer.from(tail, 'latin1')]);
      for (const chunk of [1, 5, bytes.length]) {
        const { out, trailer } = await run(bytes, chunk);
        expect(out.equals(TEXT)).toBe(true);
        expect(trailer, JSON.stringify(tail)).toEqual({ offset: gz.length, count: tail.length });
      }
    }
  });

  test('a cut at any point is an error that says so, at a compressed offset within the input', async () => {
    const gz = gzipSync(TEXT.subarray(0, 2000));
    for (let cut = 1; cut < gz.length; cut += 3) {
      const error = await failure(gz.subarray(0, cut), 64);
      expect(error.truncated, `cut at ${cut}: ${error.message}`).toBe(true);
      expect(error.compressedOffset).toBeLessThanOrEqual(cut);
    }
    expect((await failure(Buffer.alloc(0))).message).toBe('empty gzip file');
  });

  test('damage is an error: a checksum or size that does not match, a bad header, bad deflate data', async () => {
    const gz = gzipSync(TEXT);
    const flip = (at: number): Buffer => {
      const copy = Buffer.from(gz);
      copy[at]! ^= 0x40;
      return copy;
    };
    expect((await failure(flip(gz.length - 6))).message).toMatch(/checksum/);
    expect((await failure(flip(gz.length - 2))).message).toMatch(/checksum/);
    expect((await failure(flip(2))).message).toMatch(/compression method/);
    expect((await failure(flip(3))).message).toMatch(/reserved flags/);
    expect((await failure(Buffer.from('{"snapshot":{}}'))).message).toBe('not gzip data');
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, 10, 40);
    const error = await failure(corrupt);
    expect(error.truncated).toBe(false);
    expect(error.compressedOffset).toBeLessThanOrEqual(corrupt.length);
  });
});
