// The documented examples of expectNoLeak, run the way a user runs them: `node --test` on the
// node:test example (every Node major we have), `vitest run` in examples/, and a node:test file
// whose scenario leaks, which must fail with the class and the variable holding it.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { availableMajors, nodeBinary } from './helpers/node-binaries.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = resolve(ROOT, 'examples');

interface Outcome {
  code: number;
  output: string;
}

function spawnNode(node: string, args: string[], cwd: string): Promise<Outcome> {
  return new Promise((done, fail) => {
    execFile(node, args, { cwd, timeout: 240_000, maxBuffer: 16 << 20, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (error && code === -1) fail(error);
      else done({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('node:test', () => {
  test.each(availableMajors)('examples/node-test passes on Node %i', async (major) => {
    const { code, output } = await spawnNode(nodeBinary(major), ['--test', '--test-reporter=tap', 'node-test/session-store.test.mjs'], EXAMPLES);
    expect(output).toMatch(/^# pass 2$/m);
    expect(output).toMatch(/^# fail 0$/m);
    expect(code, output).toBe(0);
  });

  test('a leaking scenario fails the node:test run with the class and its holder', async () => {
    const { code, output } = await spawnNode(process.execPath, ['--test', '--test-reporter=tap', 'node-test/leaking.test.mjs'], resolve(ROOT, 'test'));
    expect(code).toBe(1);
    expect(output).toMatch(/^not ok 1 - finished requests are released$/m);
    expect(output).toContain("name: 'LeakAssertionError'");
    expect(output).toContain("code: 'E_LEAK_FOUND'");
    expect(output).toContain('#1 PendingRequest  5 objects from the first 5 runs still alive (+5 from the next 5)');
    expect(output).toMatch(/Held by \(growing with every 5 runs\):\n\s+inFlight {2}\(a variable of module node-test\/leaking\.test\.mjs\)/);
    // The path starts where the test's code names the array.
    expect(output).toMatch(/module node-test\/leaking\.test\.mjs @\d+\n\s+inFlight → Array @\d+\n\s+\[\d+\] → PendingRequest @\d+/);
  });
});

test('examples/vitest passes under vitest', async () => {
  const vitest = resolve(EXAMPLES, 'node_modules/vitest/vitest.mjs');
  const { code, output } = await spawnNode(process.execPath, [vitest, 'run'], EXAMPLES);
  expect(output).toMatch(/Tests\s+2 passed \(2\)/);
  expect(code, output).toBe(0);
});
