// Messages a person would write (issue 14.2): what is missing with an example line, a suggestion
// only when a command, option or class name is a near miss, a note when a filter or highlight
// matches nothing, plurals right, and no stray separator in the global object's name.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeHeap, loadSnapshot, sampleClassInstances } from '@heapdiff/core';
import { runCli, type CliRun } from './fuzz/cli-contract.js';
import { makeSnapshot } from './helpers/snapshots.js';

const cli = (...args: string[]): Promise<CliRun> => runCli(args, 120_000);

/** Exit 2 and exactly this one line on stderr, nothing on stdout. */
async function refused(args: string[], line: string | RegExp): Promise<void> {
  const run = await cli(...args);
  expect(run.code, args.join(' ')).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

let inspected: string;
let sessionId: number;
let series: string[];

beforeAll(async () => {
  [inspected] = (await makeSnapshot('inspector-global')) as [string];
  series = await makeSnapshot('leak-three');
  const analysis = analyzeHeap((await loadSnapshot(inspected)).graph);
  sessionId = analysis.graph.nodeId[sampleClassInstances(analysis, 'UserSession', 1)[0]!]!;
});

describe('what is missing, with an example', () => {
  test.each([
    [['summary'], 'heapdiff: summary needs <snapshot>, e.g. heapdiff summary app.heapsnapshot'],
    [['diff', 'a.heapsnapshot'], 'heapdiff: diff needs <after>, e.g. heapdiff diff 1.heapsnapshot 2.heapsnapshot'],
    [['growth', 'a.heapsnapshot'], 'heapdiff: growth needs at least two snapshots, oldest first, e.g. heapdiff growth 1.heapsnapshot 2.heapsnapshot'],
    [['path', 'a.heapsnapshot'], 'heapdiff: path needs an object id after the snapshot, e.g. heapdiff path app.heapsnapshot @12345'],
    [['report', 'a.heapsnapshot', 'b.heapsnapshot'], /^heapdiff: report needs -o FILE, e.g. heapdiff report .* -o report\.html$/],
    [[], /^heapdiff: tell heapdiff what to do: try heapdiff demo/],
  ])('heapdiff %j', async (args, line) => refused(args, line));
});

describe('suggestions only for near misses', () => {
  test('a misspelt command', async () => {
    await refused(['sumary', 'app.heapsnapshot'], 'heapdiff: unknown command "sumary" (did you mean "summary"?); see heapdiff --help');
    await refused(['foo'], 'heapdiff: unknown command "foo"; see heapdiff --help');
  });

  test('a misspelt option', async () => {
    await refused(['summary', 'a.heapsnapshot', '--limt', '3'], 'heapdiff: unknown option --limt for summary (did you mean --limit?)');
    await refused(['diff', 'a', 'b', '--min-sise', '1MB'], 'heapdiff: unknown option --min-sise for diff (did you mean --min-size?)');
  });

  test('a misspelt class: a note with the name meant, and an empty result', async () => {
    const run = await cli('summary', inspected, '--class', 'UserSesion');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('heapdiff: note: --class UserSesion matches no class (did you mean "UserSession"?)\n');
    expect(run.stdout).toContain('No class matches the filters.');
    expect((await cli('summary', inspected, '--class', 'UserSesion', '--quiet')).stderr).toBe('');
  });

  test('backrefs --class: the class meant, or the classes a regex matched', async () => {
    await refused(['backrefs', inspected, '--class', 'UserSesion'], 'heapdiff: --class UserSesion: no class of that name in the snapshot (did you mean "UserSession"?)');
    await refused(['backrefs', inspected, '--class', 'Map|Set'], /^heapdiff: --class Map\|Set matches \d+ classes \(".*\): name one$/);
  });

  test('a --highlight or --filter that matches nothing gets a note', async () => {
    const run = await cli('refs', inspected, String(sessionId), '--max-depth', '1', '--highlight', 'NoSuchThing', '--filter', 'Nothing');
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'heapdiff: note: --filter Nothing matches no object around the start objects; only they are drawn',
      'heapdiff: note: --highlight NoSuchThing matches no object in the drawing',
    ]);
  });
});

describe('plurals', () => {
  test('"1 more class", "1 more growing class", "1 object"', async () => {
    const summary = await cli('summary', inspected, '--class', '^(UserSession|global / )$', '--limit', '1');
    expect(summary.stdout).toContain('… 1 more class (--limit 0 shows all)');
    const growth = await cli('growth', ...series, '--class', '^(LeakyRequest|ListenerState)$', '--limit', '1');
    expect(growth.stdout).toContain('… 1 more growing class (--limit 0 shows all)');
    const diff = await cli('diff', series[0]!, series[1]!, '--class', '^LeakyRequest$');
    expect(diff.stdout).toMatch(/in 1 changed class that match/);
    expect(`${summary.stdout}${growth.stdout}${diff.stdout}`).not.toMatch(/\b1 (objects|classes|references|more classes)\b/);
  });
});

describe('the global object of an inspector snapshot', () => {
  test('prints as `global`, not `global / `', async () => {
    const path = await cli('path', inspected, `@${sessionId}`);
    expect(path.code).toBe(0);
    expect(path.stdout.split('\n')[0]).toMatch(/^global @\d+$/);
    const inspect = await cli('inspect', inspected, String(sessionId));
    expect(`${path.stdout}${inspect.stdout}`).not.toContain('/  @');
    // The data keeps V8's name, as DevTools shows it.
    const json = JSON.parse((await cli('path', inspected, String(sessionId), '--json')).stdout) as { path: { name: string }[] };
    expect(json.path[0]!.name).toBe('global / ');
  });
});
