// heapdiff runs for the output tests: each may take long on a loaded machine, none may hang.
import { expect } from 'vitest';
import { runCli, runCliAll, type CliRun } from '../fuzz/cli-contract.js';

/** Bound on one command's run: generous, since most of a run is starting Node on a busy machine. */
const CLI_MS = 120_000;

/** One heapdiff run; fails the test if it had to be killed. */
export async function cli(...args: string[]): Promise<CliRun> {
  const run = await runCli(args, CLI_MS);
  expect(run.timedOut).toBe(false);
  return run;
}

/** Several, two at a time, results in input order; fails the test if one had to be killed. */
export async function cliAll(commands: string[][]): Promise<CliRun[]> {
  const runs = await runCliAll(commands, CLI_MS);
  for (const run of runs) expect(run.timedOut).toBe(false);
  return runs;
}
