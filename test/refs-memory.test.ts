// `refs` / `backrefs` of an object with millions of edges (test/helpers/hub-snapshot.ts): the
// neighbours are picked in one bounded pass, so drawing two objects costs no more memory than the
// analysis every command runs. Measured as the child's peak RSS (/usr/bin/time -f %M) against
// `summary`'s on the same file. The normal suite runs 1M edges; `pnpm fuzz` (HEAPDIFF_FUZZ_RUNS or
// HEAPDIFF_BIG set) adds 10M. No time is asserted.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { CLI } from './fuzz/cli-contract.js';
import { HUB_ID, writeHubSnapshot } from './helpers/hub-snapshot.js';

const run = promisify(execFile);
const BIG = process.env.HEAPDIFF_FUZZ_RUNS !== undefined || process.env.HEAPDIFF_BIG !== undefined;
const SIZES = BIG ? [1_000_000, 10_000_000] : [1_000_000];
const TIME = '/usr/bin/time';

const dir = mkdtempSync(join(inject('heapdiffRunDir'), 'refs-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Peak RSS of the CLI run, in kB, as GNU time reports it (the last line of stderr). */
async function peakRss(args: string[]): Promise<{ kb: number; stdout: string }> {
  const { stdout, stderr } = await run(TIME, ['-f', '%M', process.execPath, CLI, ...args], { maxBuffer: 64 << 20 });
  const kb = Number(stderr.trim().split('\n').at(-1));
  expect(kb).toBeGreaterThan(0);
  return { kb, stdout };
}

describe.skipIf(!existsSync(TIME)).each(SIZES)('an object with %i edges out and as many retainers', (leaves) => {
  test('refs and backrefs of it stay within 1.5× the peak memory of summary', async () => {
    const file = join(dir, `hub-${leaves}.heapsnapshot`);
    writeHubSnapshot(file, leaves);
    const summary = await peakRss(['summary', file]);
    expect(summary.stdout).toContain('Leaf');
    for (const verb of ['refs', 'backrefs']) {
      const drawn = await peakRss([verb, file, '--id', String(HUB_ID), '--too-many', '1']);
      // The hub, one neighbour and an "N more" box for the rest (the leaves, and for retainers the root).
      const rest = verb === 'refs' ? leaves - 1 : leaves;
      expect(drawn.stdout, verb).toContain(`${rest.toLocaleString('en-US')} more`);
      expect(drawn.kb, `${verb}: ${drawn.kb} kB, summary ${summary.kb} kB`).toBeLessThan(1.5 * summary.kb);
    }
    rmSync(file);
  }, 900_000);
});
