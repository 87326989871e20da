// Fuzzing the parser and every analysis with mutated REAL snapshots (Node 24 and the system Node):
// truncated, bit-flipped, with records dropped or duplicated, lying headers, weird numbers, bad
// strings, deep nesting in the skipped trace sections, whole-file oddities, gzip, repeated ids,
// more strings than the graph names, stray bytes after the snapshot or after the gzip data. Every case must
// end in a checked result or a typed HeapdiffError within a time bound; mutations that change
// nothing a user sees (a BOM, balanced junk in trace_tree, gzip) must give the original result;
// the two-thread edge parse must end exactly like the one-thread parse.
// A fixed-seed sample runs with the normal suite; `pnpm fuzz` runs thousands (HEAPDIFF_FUZZ_RUNS,
// HEAPDIFF_FUZZ_SEED to replay a run).
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contractViolations, runCli } from './fuzz/cli-contract.js';
import { caseArbitrary, materialize, type FuzzCase } from './fuzz/mutations.js';
import { mapSnapshot, type SnapshotMap } from './fuzz/snapshot-map.js';
import { FuzzWorker, type CaseResult } from './fuzz/worker-pool.js';
import { SYSTEM_MAJOR, availableMajors, type NodeMajor } from './helpers/node-binaries.js';
import { makeSnapshot } from './helpers/snapshots.js';

const FUZZING = process.env.HEAPDIFF_FUZZ_RUNS !== undefined;
/** In-process cases per base snapshot. */
const RUNS = Number(process.env.HEAPDIFF_FUZZ_RUNS ?? 100);
/** CLI cases: each command once in the normal suite. */
const CLI_RUNS = Number(process.env.HEAPDIFF_FUZZ_CLI_RUNS ?? (FUZZING ? Math.max(26, Math.round(RUNS / 20)) : 13));
/** CLI cases run side by side: most of their time is process start-up and waiting. */
const CLI_PARALLEL = 2;
const SEED = Number(process.env.HEAPDIFF_FUZZ_SEED ?? (FUZZING ? Date.now() % 2 ** 31 : 20_240_611));
/** A case (parse + every analysis of a 5 MB snapshot) takes about 0.1 s; anything near this is a hang. */
// A hang guard, not a speed check: cases take well under a second.
const CASE_MS = 120_000;
const CLI_MS = 60_000;

const KNOWN_ERRORS = new Set(['HeapSnapshotError', 'FileReadError', 'NodeNotFoundError', 'InvalidOptionError']);

interface Base {
  label: string;
  path: string;
  map: SnapshotMap;
  /** What the unmutated snapshot gives, for mutations that must not change it. */
  digest: string;
}

const newest: NodeMajor = availableMajors.includes(24) ? 24 : (SYSTEM_MAJOR as NodeMajor);
/** `share` scales the case count; the 25 MB base (edges parsed by two threads) only runs in `pnpm fuzz`. */
const BASES: { label: string; share: number; make: () => Promise<string> }[] = [
  { label: `basic on Node ${newest}`, share: 1, make: async () => (await makeSnapshot('basic', { node: newest }))[0]! },
  { label: `leak-three (final) on Node ${SYSTEM_MAJOR}`, share: 1, make: async () => (await makeSnapshot('leak-three'))[2]! },
  ...(FUZZING ? [{ label: `large-list (25 MB) on Node ${SYSTEM_MAJOR}`, share: 1 / 20, make: async () => (await makeSnapshot('large-list'))[0]! }] : []),
];

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'fuzz-'));
const worker = new FuzzWorker();
afterAll(() => worker.close());

function describeCase(c: FuzzCase): string {
  const text = JSON.stringify(c);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Writes the case where the worker or CLI can read it; returns its path and decompressed size. */
function writeCase(base: Base, c: FuzzCase, name: string): { path: string; plainLength: number; neutral: boolean; expectedCode?: string } {
  const out = materialize(base.map, c);
  if (out.directory) {
    const path = join(dir, `${name}.heapsnapshot`);
    mkdirSync(path, { recursive: true });
    return { path, plainLength: 0, neutral: false };
  }
  const path = join(dir, `${name}.heapsnapshot${c.container.kind === 'plain' ? '' : '.gz'}`);
  writeFileSync(path, out.bytes);
  return { path, plainLength: out.plainLength, neutral: out.neutral, ...(out.expectedCode === undefined ? {} : { expectedCode: out.expectedCode }) };
}

/** Why a case's result breaks the rules, or null. */
function judge(result: CaseResult, path: string, plainLength: number, neutral: boolean, base: Base, expectedCode?: string): string | null {
  if (expectedCode !== undefined && !(result.kind === 'error' && result.code === expectedCode && result.step === 'load')) {
    return `expected ${expectedCode} at load, got ${result.kind === 'error' ? `${result.code} in ${result.step}` : result.kind}`;
  }
  switch (result.kind) {
    case 'hang': return `no result within ${CASE_MS} ms`;
    case 'crash': return `${result.name} in ${result.step}: ${result.message}\n${result.stack.split('\n').slice(0, 6).join('\n')}`;
    case 'error': {
      if (!KNOWN_ERRORS.has(result.name)) return `unknown error class ${result.name} (${result.code})`;
      if (neutral) return `a harmless change was rejected: ${result.code} ${result.message}`;
      if (result.name === 'HeapSnapshotError' || result.name === 'FileReadError') {
        if (result.file !== path) return `error names ${result.file}, not ${path}`;
      }
      if (result.name === 'HeapSnapshotError') {
        const offset = result.offset ?? -1;
        if (!Number.isInteger(offset) || offset < 0 || offset > plainLength) return `byte offset ${offset} outside 0..${plainLength}`;
      }
      if (result.step !== 'ids' && result.step !== 'load') return `${result.name} after loading, in ${result.step}: ${result.message}`;
      return null;
    }
    case 'ok':
      if (result.problems.length > 0) return `wrong result: ${result.problems.join('; ')}`;
      if (result.idsError) return `the ids-only reader rejects (${result.idsError}) a file the full reader accepts`;
      if (neutral && result.digest !== base.digest) return 'a harmless change changed the result';
      return null;
  }
}

/**
 * One case of each check the parser gained with issues 13 and 14, whatever the seed draws:
 * repeated ids, more strings than the graph names (and fewer: harmless), stray bytes after the
 * snapshot (harmless) or after a cut one, bytes after the gzip data (harmless).
 */
function pinnedCases(map: SnapshotMap): FuzzCase[] {
  const plain = { kind: 'plain' } as const;
  return [
    { mutation: { kind: 'duplicate-id', record: map.nodeCount - 1, copyOf: 1 }, container: plain },
    { mutation: { kind: 'extra-strings', count: 10, beyondBound: true }, container: { kind: 'gzip' } },
    { mutation: { kind: 'extra-strings', count: 1000, beyondBound: false }, container: plain },
    { mutation: { kind: 'overwritten', tail: Math.floor(map.bytes.length / 3) }, container: plain },
    { mutation: { kind: 'cut-then-tail', at: Math.floor(map.bytes.length / 2), tail: 1000 }, container: plain },
    { mutation: { kind: 'file', variant: 'trailing-garbage', section: 'nodes' }, container: plain },
    { mutation: { kind: 'overwritten', tail: 100 }, container: { kind: 'gzip-trailing', bytes: 300 } },
  ];
}

const bases: Base[] = [];
beforeAll(async () => {
  for (const { label, make } of BASES) {
    const path = await make();
    const map = mapSnapshot(readFileSync(path));
    const result = await worker.run({ path, base: path, seed: 0, probes: 3, splitBlockBytes: 4096 }, CASE_MS * 4);
    if (result.kind !== 'ok' || result.problems.length > 0) throw new Error(`${label} does not analyse cleanly: ${JSON.stringify(result)}`);
    bases.push({ label, path, map, digest: result.digest });
  }
}, 600_000);

describe.each(BASES.map((b, i) => [b.label, i, Math.ceil(RUNS * b.share)] as const))('mutated %s', (_label, index, runs) => {
  test(`${runs} cases (seed ${SEED}) end in a checked result or a typed error`, async () => {
    const base = bases[index]!;
    const cases = [...pinnedCases(base.map), ...fc.sample(caseArbitrary(base.map), { seed: SEED + index, numRuns: runs })];
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    let slowest = 0;
    for (const [i, c] of cases.entries()) {
      const { path, plainLength, neutral, expectedCode } = writeCase(base, c, `case-${index}-${i}`);
      // Every case in a fuzz run, every third in the sample: also parsed from both ends by two threads.
      const splitBlockBytes = FUZZING || i % 3 === 0 ? 1024 << (i % 8) : 0;
      const result = await worker.run({ path, base: base.path, seed: SEED + i, probes: 3, splitBlockBytes }, CASE_MS);
      rmSync(path, { recursive: true, force: true });
      slowest = Math.max(slowest, result.ms);
      const outcome = result.kind === 'error' ? result.code : result.kind;
      outcomes.set(`${c.mutation.kind}:${outcome}`, (outcomes.get(`${c.mutation.kind}:${outcome}`) ?? 0) + 1);
      const problem = judge(result, path, plainLength, neutral, base, expectedCode);
      if (problem) failures.push(`case ${i} ${describeCase(c)}\n  → ${problem}`);
    }
    if (FUZZING) {
      const table = [...outcomes].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n');
      console.log(`fuzz ${base.label}, seed ${SEED + index}: ${runs} cases, ${failures.length} failures, slowest ${Math.round(slowest)} ms\n${table}`);
    }
    expect(failures).toEqual([]);
  }, Math.max(120_000, runs * 10_000));
});

type Command = (m: string, base: string, id: number, out: string) => { args: string[]; inputs: string[]; output?: string };
/** Every command, with the mutated file where a user would put a damaged snapshot. */
const COMMANDS: [string, Command][] = [
  ['summary', (m) => ({ args: ['summary', m], inputs: [m] })],
  ['summary --json', (m) => ({ args: ['summary', m, '--json', '--limit', '0'], inputs: [m] })],
  ['diff', (m, b) => ({ args: ['diff', b, m], inputs: [b, m] })],
  ['leaks (mutated target)', (m, b) => ({ args: ['leaks', b, m, '--json'], inputs: [b, m] })],
  ['leaks (mutated baseline)', (m, b) => ({ args: ['leaks', m, b, '--limit', '3'], inputs: [m, b] })],
  ['growth', (m, b) => ({ args: ['growth', b, m, '--all'], inputs: [b, m] })],
  ['orphans', (m) => ({ args: ['orphans', m], inputs: [m] })],
  ['path', (m, _b, id) => ({ args: ['path', m, '--id', String(id)], inputs: [m] })],
  ['inspect', (m, _b, id) => ({ args: ['inspect', m, '--id', `@${id}`, '--json'], inputs: [m] })],
  ['backrefs -o svg', (m, _b, id, out) => ({ args: ['backrefs', m, '--id', String(id), '-o', `${out}.svg`], inputs: [m], output: `${out}.svg` })],
  ['refs', (m, _b, id) => ({ args: ['refs', m, '--id', String(id), '--max-depth', '2'], inputs: [m] })],
  ['path -o dot', (m, _b, id, out) => ({ args: ['path', m, '--id', String(id), '-o', `${out}.dot`], inputs: [m], output: `${out}.dot` })],
  ['report', (m, b, _id, out) => ({ args: ['report', b, m, '-o', `${out}.html`], inputs: [b, m], output: `${out}.html` })],
];

test(`CLI: ${CLI_RUNS} mutated snapshots through the commands keep the exit-code and one-line-error contract`, async () => {
  const base = bases[0]!;
  const cases = fc.sample(caseArbitrary(base.map), { seed: SEED + 99, numRuns: CLI_RUNS });
  const failures: string[] = [];
  // An object that exists in the original: the object commands have something to look for.
  const ids = [1, Number(base.map.bytes.toString('latin1', base.map.nodes.start[base.map.nodeFieldCount * 3 + 2]!, base.map.nodes.end[base.map.nodeFieldCount * 3 + 2]!))];
  const runCase = async (i: number): Promise<void> => {
    const c = cases[i]!;
    const [label, command] = COMMANDS[i % COMMANDS.length]!;
    // Each case in its own directory: the -o check looks for leftovers next to the output.
    const caseDir = join(dir, `cli-${i}`);
    mkdirSync(caseDir, { recursive: true });
    const { path, plainLength } = writeCase(base, c, join(`cli-${i}`, 'mutated'));
    const { args, inputs, output } = command(path, base.path, ids[i % ids.length]!, join(caseDir, 'out'));
    const run = await runCli(args, CLI_MS);
    const problems = contractViolations(run, { inputs, maxOffset: Math.max(plainLength, base.map.bytes.length), output });
    rmSync(caseDir, { recursive: true, force: true });
    if (problems.length > 0) failures.push(`${label} on case ${i} ${describeCase(c)}\n  → ${problems.join('; ')}\n  stderr: ${run.stderr.slice(0, 300)}`);
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < cases.length) await runCase(next++);
  };
  await Promise.all(Array.from({ length: CLI_PARALLEL }, lane));
  expect(failures).toEqual([]);
}, Math.max(300_000, CLI_RUNS * 60_000));
