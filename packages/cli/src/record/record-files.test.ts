import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LineSplitter } from './line-splitter.js';
import { OutputTail } from './output-tail.js';
import { writePrivateFile } from './private-file.js';
import { SnapshotFile } from './snapshot-file.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('files record writes are private whatever the umask', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heapdiff-record-files-'));
    umask = process.umask(0); // the most permissive: what the code asks for is what it gets
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a snapshot\'s temporary file is created 0600, and stays so once renamed into place', () => {
    const file = new SnapshotFile(join(dir, '1-baseline.heapsnapshot'));
    expect(mode(file.temp)).toBe(0o600);
    file.write('{"snapshot":{}}');
    file.commit();
    expect(mode(join(dir, '1-baseline.heapsnapshot'))).toBe(0o600);
  });

  test('a snapshot another process wrote is checked against the size it reported', () => {
    const file = new SnapshotFile(join(dir, 's.heapsnapshot'));
    file.release();
    expect(() => file.commit(10)).toThrow(/holds 0 bytes of the 10/);
    file.abort();
    expect(() => statSync(file.temp)).toThrow();
  });

  test('memory.json is written 0600 through a temporary file', () => {
    const path = join(dir, 'memory.json');
    writePrivateFile(path, '{"version":1}\n');
    expect(mode(path)).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('{"version":1}\n');
  });
});

describe('LineSplitter', () => {
  test('lines cut anywhere come out whole', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    for (const chunk of ['a', 'b\nc', '', '\n\nd\ne', 'f']) splitter.write(chunk);
    splitter.end();
    expect(lines).toEqual(['ab', 'c', '', 'd', 'ef']);
  });

  test('a 20 MB line in 200,000 chunks is joined once (re-joining per chunk would copy 2 TB)', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const chunk = 'x'.repeat(100);
    for (let i = 0; i < 200_000; i++) splitter.write(chunk);
    splitter.write('\n');
    expect(lines.map((l) => l.length)).toEqual([20_000_000]);
  });

  test('maxLine bounds what is kept of a line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line), 5);
    for (let i = 0; i < 1000; i++) splitter.write('abc');
    splitter.write('\nok\n');
    expect(lines).toEqual(['abcab', 'ok']);
  });

  test('OutputTail keeps the last lines only', () => {
    const tail = new OutputTail(2);
    tail.write('one\ntwo\r\nthree\nfou');
    tail.write('r');
    expect(tail.end()).toEqual(['three', 'four']);
  });
});
