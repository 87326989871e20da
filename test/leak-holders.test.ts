// `leaks` by holder on programs that leak in the common ways, each leak in its own module file
// (test/scenarios/apps/): one entry per holder, named as the program names it, with the file and
// the line of its functions; bounded output on any shape; `--fail-on-leak` judged by growth.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import * as schemas from '../packages/cli/dist/schemas.js';
import { WANTED_MAJORS, availableMajors, type NodeMajor } from './helpers/node-binaries.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../packages/cli/bundle/heapdiff.js', import.meta.url));
/** The CLI runs from the repository root: files are named relative to it. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APPS = 'test/scenarios/apps';
const FIXTURES = fileURLToPath(new URL('./fixtures/chrome/', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function holders(snapshots: string[], ...extra: string[]): Promise<schemas.LeaksByHolderOutput> {
  const r = await cli(['leaks', ...snapshots, '--json', '--limit', '0', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return schemas.LeaksByHolderSchema.parse(JSON.parse(r.stdout));
}

type Entry = schemas.LeaksByHolderOutput['leaks'][number];

/** The one entry with this name; fails when there are none or several. */
function entryNamed(out: schemas.LeaksByHolderOutput, name: string): Entry {
  const found = out.leaks.filter((e) => e.holder.name === name);
  expect(found.map((e) => e.holder.name), out.leaks.map((e) => `${e.holder.name} (${e.holder.where})`).join('; ')).toEqual([name]);
  return found[0]!;
}

const EXPECTED = [
  { name: 'auditLog', where: `module ${APPS}/audit-log.js`, kind: 'Array', member: 'AuditEntry' },
  { name: 'store.sessions', where: `exports of ${APPS}/session-store.js`, kind: 'Map', member: 'Session' },
  // Held two ways alike: as the connection module's variable, and as what lifecycle.js exports.
  { name: 'lifecycle._events.shutdown', where: [`module ${APPS}/connection.js`, `exports of ${APPS}/lifecycle.js`], kind: 'Array', member: `onShutdown() ${APPS}/connection.js:9:49` },
  { name: 'ready', where: `module ${APPS}/ready.js`, kind: 'Promise', member: `(anonymous)() ${APPS}/ready.js:17:14` },
  { name: 'theThing', where: `module ${APPS}/the-thing.js`, kind: 'Object', member: `someMethod() ${APPS}/the-thing.js:12:15` },
  { name: 'plugins', where: `module ${APPS}/plugins.mjs`, kind: 'Map', member: 'Plugin' },
  { name: 'eventLog', where: `export of ${APPS}/plugins.mjs`, kind: 'Array', member: 'LogEvent' },
  { name: 'timers of 3600000 ms', where: 'setTimeout/setInterval never cleared', kind: 'TimersList', member: `poll() ${APPS}/poller.js:12:28` },
];

describe.each(WANTED_MAJORS)('the common leaks on Node %i', (major) => {
  test.skipIf(!availableMajors.includes(major))('one entry per holder, named as the program names it, with file:line', async () => {
    const snapshots = await makeSnapshot('named-leaks', { node: major as NodeMajor });
    const out = await holders(snapshots);
    for (const expected of EXPECTED) {
      const entry = entryNamed(out, expected.name);
      expect([expected.where].flat()).toContain(entry.holder.where);
      expect(entry.holder.shape.kind).toBe(expected.kind);
      expect(entry.verdict).toBe('leak');
      expect(entry.growth!.everyInterval).toBe(true);
      expect(entry.members.map((c) => c.name)).toContain(expected.member);
      // The program's path starts at the module (or the timer list), not at Node's internals.
      expect(entry.programPath[0]!.label).toBe(entry.holder.where);
      // The full path from the root stays in the JSON.
      expect(entry.paths[0]![0]!.edge).toBeNull();
    }
    // Each leak once: nothing else is a leak.
    expect(out.leaks.filter((e) => e.verdict === 'leak').map((e) => e.holder.name).sort()).toEqual(EXPECTED.map((e) => e.name).sort());
  });
});

describe('leaks by holder', () => {
  test('the first entry of --limit 3 names the holder and its file, in at most 300 lines; functions carry file:line', async () => {
    const snapshots = await makeSnapshot('named-leaks');
    const r = await cli(['leaks', ...snapshots, '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(300);
    expect(lines[0]).toMatch(new RegExp(`^${EXPECTED.length} leaks: `));
    const first = lines.findIndex((l) => l.startsWith('#1 '));
    expect(lines[first]).toMatch(new RegExp(`^#1 \\S+ +\\((a variable of module|exported by) ${APPS}/[\\w-]+\\.js\\)`));
    expect(r.stdout).toMatch(new RegExp(`onShutdown\\(\\) ${APPS}/connection\\.js:9:49|\\(anonymous\\)\\(\\) ${APPS}/ready\\.js:17:14`));
    expect(r.stdout).toMatch(new RegExp(`… \\d+ more holders of [\\d,]+ objects, ${EXPECTED.length - 3} leaks among them`));
  });

  test('the closure chain: one entry, its repeating cycle folded, a few dozen lines; --graph finishes', async () => {
    const snapshots = await makeSnapshot('leak-closure-chain');
    const r = await cli(['leaks', ...snapshots, '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(r.stdout.split('\n').length).toBeLessThan(100);
    expect(r.stdout).toMatch(/^#1 theThing +\(a variable of module test\/scenarios\/apps\/the-thing\.js\) +← leak: grows in every interval$/m);
    // The three-step cycle folds into one line, whichever of its steps the fold starts at.
    expect(r.stdout).toMatch(/… [\d,]+ more × \((?=[^)]*\.someMethod)(?=[^)]*\{context\})(?=[^)]*originalThing)[^)]*\)/);
    const out = await holders(snapshots);
    const chain = entryNamed(out, 'theThing');
    expect(chain.chain).toMatchObject({ period: 3 });
    expect(chain.chain!.links).toBeGreaterThan(1_000);
    // The JSON path keeps its end near the members however long the chain.
    expect(chain.paths[0]!.length).toBeLessThanOrEqual(2_100);
    const graphs = await cli(['leaks', ...snapshots, '--limit', '1', '--out-dir', join(await scratch(), 'chain-graphs')]);
    expect(graphs.code, graphs.stderr).toBe(0);
  });

  test('a slow leak under heavy churn fails --fail-on-leak (exit 1), though far below the size thresholds', async () => {
    const snapshots = await makeSnapshot('slow-leak');
    const out = await holders(snapshots);
    const trail = entryNamed(out, 'trail');
    expect(trail.holder.where).toBe(`module ${APPS}/slow-audit.js`);
    expect(trail.verdict).toBe('leak');
    expect(trail.memberCount).toBeLessThan(1_000);
    expect(trail.memberRetainedSize).toBeLessThan(1_000_000);
    // The bounded cache churning beside it is not a leak.
    expect(out.leaks.filter((e) => e.verdict === 'leak').map((e) => e.holder.name)).toEqual(['trail']);
    expect((await cli(['leaks', ...snapshots, '--fail-on-leak'])).code).toBe(1);
  });

  test('a bounded LRU cache at steady state is not flagged: --fail-on-leak exits 0', async () => {
    const snapshots = await makeSnapshot('bounded-cache');
    const out = await holders(snapshots);
    expect(out.leaking).toBe(false);
    expect(out.leaks.filter((e) => e.verdict === 'leak')).toEqual([]);
    const r = await cli(['leaks', ...snapshots, '--fail-on-leak']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^No leak/);
  });

  test('a detached DOM tree in Chromium: the array that keeps the removed cards, one entry', async () => {
    const series = ['1-baseline', '2-target', '3-final'].map((n) => join(FIXTURES, 'detached-dom', `${n}.heapsnapshot.gz`));
    const out = await holders(series);
    const history = entryNamed(out, 'undoHistory');
    expect(history.verdict).toBe('leak');
    expect(history.holder.shape.kind).toBe('Array');
    expect(history.members.map((c) => c.name)).toContain('Detached <div>');
    expect(history.holder.where).toMatch(/detached-dom\.html:\d+:\d+/);
  });

  test('more than three snapshots: growth in every interval, entries in every snapshot', async () => {
    const snapshots = await makeSnapshot('named-leaks');
    // The series may repeat a snapshot in the middle: no interval gains anything then.
    const out = await holders([snapshots[0]!, snapshots[1]!, snapshots[1]!, snapshots[2]!]);
    const log = entryNamed(out, 'auditLog');
    expect(out.snapshots).toHaveLength(4);
    expect(log.growth!.gained).toHaveLength(3);
    expect(log.growth!.entries).toHaveLength(4);
    expect(log.growth!.gained[1]!.count).toBe(0);
    expect(log.verdict).toBe('not growing');
  });

  test('--by class keeps the class view', async () => {
    const snapshots = await makeSnapshot('named-leaks');
    const r = await cli(['leaks', ...snapshots, '--by', 'class', '--json', '--limit', '5']);
    const out = schemas.LeaksByClassSchema.parse(JSON.parse(r.stdout));
    expect(out.groups.length).toBe(5);
  });
});

describe('suspects', () => {
  test('on the last snapshot alone: the holder of a leak that dominates the heap, with its file', async () => {
    const [snapshot] = await makeSnapshot('dominant-store');
    const r = await cli(['suspects', snapshot!, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = schemas.SuspectsOutputSchema.parse(JSON.parse(r.stdout));
    const top = out.suspects[0]!;
    expect(top.holder.name).toBe('store.sessions');
    expect(top.holder.where).toBe(`exports of ${APPS}/session-store.js`);
    expect(top.holder.shape).toMatchObject({ kind: 'Map', entries: 60_000 });
    expect(top.share).toBeGreaterThan(0.5);
    expect(top.classes.map((c) => c.name)).toContain('Session');
    const text = await cli(['suspects', snapshot!, '--limit', '3']);
    expect(text.stdout).toMatch(/#1 store\.sessions +\(exported by test\/scenarios\/apps\/session-store\.js\) +\d+\.\d% of the heap/);
  });
});

describe('drawings name code', () => {
  test('backrefs and refs label functions and scopes with their file:line:col', async () => {
    const snapshots = await makeSnapshot('named-leaks');
    const last = snapshots.at(-1)!;
    const back = await cli(['backrefs', last, '--class', 'Connection', '--sample', '1', '--max-depth', '2']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(`bound onShutdown() ${APPS}/connection.js:9:49`);
    const pending = await cli(['backrefs', last, '--class', 'PendingRequest', '--sample', '1', '--max-depth', '1']);
    expect(pending.stdout).toMatch(/\{closure scope of [^}]*\(\) test\/scenarios\/apps\/ready\.js:\d+:\d+\}/);
    const refs = await cli(['refs', last, '--class', 'Connection', '--sample', '1', '--max-depth', '1', '--include-builtins']);
    expect(refs.code, refs.stderr).toBe(0);
  });
});

async function scratch(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  return mkdtemp(join(tmpdir(), 'heapdiff-holders-'));
}
