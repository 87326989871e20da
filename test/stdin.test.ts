// Snapshots on standard input (issue 13): `-` or a pipe such as /dev/stdin is read once, as a
// stream (no split parse, no second pass); gzip is told by its magic bytes. A command that would
// read that snapshot twice refuses it with a clear message.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI, contractViolations, type CliRun } from './fuzz/cli-contract.js';
import { makeSnapshot } from './helpers/snapshots.js';

/** Runs the CLI with `input` written to its stdin through a pipe. */
function runWithStdin(args: string[], input: Buffer): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    // A command that refuses early closes the pipe while we write.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, timedOut: false, ms: performance.now() - started }));
  });
}

function runFile(args: string[]): Promise<CliRun> {
  return runWithStdin(args, Buffer.alloc(0));
}

let basic: string;
let bytes: Buffer;
let before: string;
let after: string;
beforeAll(async () => {
  [basic] = (await makeSnapshot('basic')) as [string];
  bytes = readFileSync(basic);
  [before, after] = (await makeSnapshot('leak-three')) as [string, string];
});

describe('summary of a snapshot on stdin gives what the file gives', () => {
  test.each([
    ['/dev/stdin, a pipe', '/dev/stdin', false],
    ['-', '-', false],
    ['- with gzip data (told by its magic bytes)', '-', true],
    ['/dev/stdin with gzip data', '/dev/stdin', true],
  ])('%s', async (_label, argument, gzip) => {
    const expected = JSON.parse((await runFile(['summary', basic, '--json', '--limit', '0'])).stdout);
    const run = await runWithStdin(['summary', argument, '--json', '--limit', '0'], gzip ? gzipSync(bytes) : bytes);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.classes).toEqual(expected.classes);
    expect(output.snapshot.nodeCount).toBe(expected.snapshot.nodeCount);
  });
});

// The baseline's ids are read by a worker when they come from a file; stdin only this thread has.
test.each(['-', '/dev/stdin'])('leaks with the baseline on stdin (%s) gives what the files give', async (argument) => {
  const expected = JSON.parse((await runFile(['leaks', before, after, '--json'])).stdout);
  const run = await runWithStdin(['leaks', argument, after, '--json'], readFileSync(before));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).leaks).toEqual(expected.leaks);
});

describe('what stdin cannot do is refused with one clear line', () => {
  test('a cut snapshot on stdin: the error names stdin and the byte offset', async () => {
    const run = await runWithStdin(['summary', '-'], bytes.subarray(0, 100_000));
    expect(contractViolations(run, { inputs: ['stdin'], maxOffset: 100_000 })).toEqual([]);
    expect(run.stderr).toMatch(/^heapdiff: stdin: file ends early inside "nodes" \(truncated snapshot\?\) \(at byte 100000\)\n$/);
  });

  test('naming stdin twice', async () => {
    const run = await runWithStdin(['diff', '-', '-'], bytes);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('heapdiff: stdin: already read (a snapshot on stdin can be read only once; save it to a file)\n');
  });

  test('report, which reads its earlier snapshots twice, before doing any work', async () => {
    const run = await runWithStdin(['report', '-', after, '-o', '/nonexistent/report.html'], bytes);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('heapdiff: report reads its earlier snapshots twice, which stdin (-) cannot give: save that snapshot to a file\n');
  });
});
