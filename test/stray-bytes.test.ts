// Bytes after the end of a snapshot (issue 14.3; the gzip offsets of issue 13). A file
// overwritten in place by a shorter snapshot keeps the tail of the longer one: the snapshot is
// complete and valid, so it is read, with one warning giving where it ended. Bytes after an
// incomplete snapshot are no excuse: that stays an error. Gzip data followed by bytes that are
// no gzip member is treated alike, with the position in the compressed file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { HeapSnapshotError, loadSnapshot, loadSnapshotIds, type SnapshotWarning } from '@heapdiff/core';
// White box: the parser fed in chunks of every size.
import { SnapshotParser } from '../packages/core/dist/parse/snapshot-parser.js';
import { contractViolations, runCli } from './fuzz/cli-contract.js';
import { makeSnapshot } from './helpers/snapshots.js';
import { serialize, tinySnapshot } from './helpers/tiny-snapshot.js';

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'stray-bytes-'));
let fileNo = 0;
function write(bytes: string | Buffer, ext = '.heapsnapshot'): string {
  const path = join(dir, `${++fileNo}${ext}`);
  writeFileSync(path, bytes);
  return path;
}

const valid = serialize(tinySnapshot());
/** Just after the top-level '}' (V8 ends the file with it; serialize adds a newline). */
const END = valid.lastIndexOf('}') + 1;
/** The tiny snapshot written over a longer file: the old file's last 700 bytes remain. */
const overwritten = valid + valid.repeat(2).slice(-700);

async function loadWithWarnings(path: string): Promise<{ nodeCount: number; warnings: SnapshotWarning[] }> {
  const warnings: SnapshotWarning[] = [];
  const snapshot = await loadSnapshot(path, { onWarning: (w) => warnings.push(w) });
  return { nodeCount: snapshot.graph.nodeCount, warnings };
}

describe('a complete snapshot followed by stray bytes', () => {
  test('loads as the snapshot alone, with one warning at the byte where it ended, in chunks of any size', async () => {
    const bytes = Buffer.from(overwritten);
    for (const chunk of [1, 3, 64, bytes.length]) {
      const parser = new SnapshotParser({ maxBytes: bytes.length });
      for (let i = 0; i < bytes.length; i += chunk) parser.write(bytes.subarray(i, i + chunk));
      expect(parser.end().nodes.nodeId).toEqual(new Uint32Array([1, 3, 5, 7]));
      expect(parser.strayBytes).toEqual({ end: END, count: bytes.length - END });
    }
    const path = write(overwritten);
    const { nodeCount, warnings } = await loadWithWarnings(path);
    expect(nodeCount).toBe(4);
    expect(warnings).toEqual([{
      code: 'W_STRAY_BYTES', file: path, offset: END,
      message: `${bytes.length - END} bytes after the end of the snapshot at byte ${END} are ignored`,
    }]);
    const idWarnings: SnapshotWarning[] = [];
    expect((await loadSnapshotIds(path, { onWarning: (w) => idWarnings.push(w) })).size).toBe(4);
    expect(idWarnings).toEqual(warnings);
  });

  test('whitespace and NUL padding after the end are no stray bytes', async () => {
    for (const tail of ['\n\n  \t\r\n', '\0'.repeat(4096)]) {
      const { warnings } = await loadWithWarnings(write(valid + tail));
      expect(warnings).toEqual([]);
    }
  });

  test('bytes after an incomplete snapshot stay an error', async () => {
    const cut = valid.slice(0, valid.indexOf('"edges":[') + 20);
    for (const text of [cut + valid.slice(-300), valid.slice(0, END - 1) + valid.slice(-300)]) {
      const error: unknown = await loadSnapshot(write(text)).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(HeapSnapshotError);
    }
  });

  test('the CLI prints the warning once on stderr and keeps --json on stdout intact', async () => {
    const clean = write(valid);
    const stray = write(overwritten);
    const [plain, odd] = await Promise.all([runCli(['summary', clean, '--json'], 60_000), runCli(['summary', stray, '--json'], 60_000)]);
    expect(odd.code).toBe(0);
    expect(JSON.parse(odd.stdout).classes).toEqual(JSON.parse(plain.stdout).classes);
    expect(odd.stderr).toBe(`heapdiff: ${stray}: warning: ${overwritten.length - END} bytes after the end of the snapshot at byte ${END} are ignored\n`);
    // The baseline of `leaks` is read on a worker: its warning comes back from there, once.
    const leaks = await runCli(['leaks', stray, clean], 60_000);
    expect(leaks.code).toBe(0);
    expect(leaks.stderr.split('\n').filter((line) => line.includes('warning'))).toHaveLength(1);
  });
});

describe('gzip data followed by other bytes', () => {
  test('after a complete snapshot: read, with a warning giving the compressed offset where the gzip data ended', async () => {
    const gz = gzipSync(valid);
    const path = write(Buffer.concat([gz, Buffer.from('left over from a longer file')]), '.heapsnapshot.gz');
    const { nodeCount, warnings } = await loadWithWarnings(path);
    expect(nodeCount).toBe(4);
    expect(warnings.map((w) => w.message)).toEqual([`28 bytes after the end of the gzip data at byte ${gz.length} of the compressed file are ignored`]);
  });

  test('a stray tail inside the gzip data is named with its decompressed offset', async () => {
    const { warnings } = await loadWithWarnings(write(gzipSync(overwritten), '.heapsnapshot.gz'));
    expect(warnings.map((w) => w.message)).toEqual([`${overwritten.length - END} bytes after the end of the snapshot at byte ${END} of the decompressed data are ignored`]);
  });

  test('after an incomplete snapshot: an error at the real positions (it was a chunk boundary)', async () => {
    // A real snapshot, so the decompressed data spans several chunks.
    const [basic] = await makeSnapshot('basic');
    const text = readFileSync(basic!);
    const cut = text.length - 100_000;
    const gz = gzipSync(text.subarray(0, cut));
    const path = write(Buffer.concat([gz, Buffer.from('not gzip')]), '.heapsnapshot.gz');
    const error: unknown = await loadSnapshot(path).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(HeapSnapshotError);
    expect((error as HeapSnapshotError).code).toBe('E_SNAPSHOT_TRUNCATED');
    expect((error as HeapSnapshotError).offset).toBe(cut);
    expect((error as HeapSnapshotError).message).toContain(`the gzip data ends at byte ${gz.length} of the compressed file, followed by 8 bytes that are not gzip data`);
    const run = await runCli(['summary', path], 60_000);
    expect(contractViolations(run, { inputs: [path], maxOffset: text.length })).toEqual([]);
    expect(run.stderr).toContain(`(at byte ${cut})`);
  });

  test('a complete real snapshot with garbage after its gzip data: the warning, and the same result as without', async () => {
    const [basic] = await makeSnapshot('basic');
    const gz = gzipSync(readFileSync(basic!));
    const path = write(Buffer.concat([gz, Buffer.from('x'.repeat(5000))]), '.heapsnapshot.gz');
    const [clean, odd] = await Promise.all([runCli(['summary', basic!, '--json'], 60_000), runCli(['summary', path, '--json'], 60_000)]);
    expect(odd.code).toBe(0);
    expect(JSON.parse(odd.stdout).classes).toEqual(JSON.parse(clean.stdout).classes);
    expect(odd.stderr).toBe(`heapdiff: ${path}: warning: 5000 bytes after the end of the gzip data at byte ${gz.length} of the compressed file are ignored\n`);
  });
});
