// `diff` and `leaks` on snapshots that cannot be compared (issue 13): of different processes, in
// reverse order, or the same file twice. They used to say nothing; now one warning line on
// stderr says why the result may mean nothing (stdout, and --json, stay as they were).
import { mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadSnapshotBytes, snapshotPairWarning } from '@heapdiff/core';
import { runCli } from './fuzz/cli-contract.js';
import { buildSnapshot, type NodeSpec } from './helpers/snapshot-builder.js';
import { makeSnapshot } from './helpers/snapshots.js';

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'snapshot-order-'));
/** Three snapshots of one process, in order, and one of another process. */
let first: string;
let second: string;
let third: string;
let other: string;
beforeAll(async () => {
  [first, second, third] = (await makeSnapshot('leak-three')) as [string, string, string];
  [other] = (await makeSnapshot('basic')) as [string];
});

async function stderrOf(args: string[]): Promise<string> {
  const run = await runCli(args, 120_000);
  expect(run.code, run.stderr).toBe(0);
  if (args.includes('--json')) JSON.parse(run.stdout);
  return run.stderr;
}

const REVERSED = /^heapdiff: warning: the newest object of .+ \(@\d+\) is older than that of .+ \(@\d+\): the snapshots are in reverse order, or of different processes \(ids only grow within one\)\n$/;
const OTHER_PROCESS = /^heapdiff: warning: \d+% of the ids that .+ and .+ share name different objects: they are snapshots of different processes \(within one, an id always names the same object\)\n$/;

describe.each(['diff', 'leaks'])('%s', (command) => {
  test('snapshots of one process, in order: no warning', async () => {
    expect(await stderrOf([command, first, second, '--json'])).toBe('');
  });

  test('in reverse order: a warning', async () => {
    expect(await stderrOf([command, second, first, '--json'])).toMatch(REVERSED);
  });

  test('of different processes (whose ids overlap, each counting from 1): a warning', async () => {
    expect(await stderrOf([command, other, second, '--json'])).toMatch(OTHER_PROCESS);
    expect(await stderrOf([command, second, other])).toMatch(OTHER_PROCESS);
  });

  test('the same file twice, also through a link: a warning', async () => {
    const link = join(dir, `${command}-link.heapsnapshot`);
    symlinkSync(first, link);
    expect(await stderrOf([command, first, link])).toBe(`heapdiff: warning: ${first} and ${link} are the same file: there is nothing to compare\n`);
  });
});

test('leaks with three snapshots checks both steps', async () => {
  expect(await stderrOf(['leaks', first, second, third])).toBe('');
  const stderr = await stderrOf(['leaks', first, third, second]);
  expect(stderr).toMatch(REVERSED);
  expect(stderr).toContain(`the newest object of ${second}`);
});

test('most of the older snapshot gone from the newer one: a warning', async () => {
  // Same kinds of objects under the same ids, newer ids higher: only the share that survived is odd.
  const objects = (ids: number[]): NodeSpec[] => [
    { type: 'synthetic', name: '', id: 1, size: 0, edges: ids.map((_, i) => ['shortcut', `o${i}`, i + 1] as [string, string, number]) },
    ...ids.map((id) => ({ type: 'object', name: 'Item', id, size: 16 })),
  ];
  const older = Array.from({ length: 100 }, (_, i) => 3 + 2 * i);
  const newer = [...older.slice(0, 10), ...Array.from({ length: 90 }, (_, i) => 1001 + 2 * i)];
  const load = (ids: number[]) => loadSnapshotBytes(Buffer.from(buildSnapshot(objects(ids)))).graph;
  const warning = await snapshotPairWarning({ path: 'a', snapshot: load(older) }, { path: 'b', snapshot: load(newer) });
  expect(warning).toBe('89% of the objects of a are gone from b: are they snapshots of one process, in order? (most objects outlive a few seconds)');
  expect(await snapshotPairWarning({ path: 'a', snapshot: load(older) }, { path: 'b', snapshot: load(older.concat(2001)) })).toBe(null);
});
