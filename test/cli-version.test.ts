// `heapdiff --version` prints the CLI package's version (yargs cannot find it from an ES module).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8')) as { version: string };
  const { stdout } = await run(process.execPath, [CLI, '--version']);
  expect(stdout.trim()).toBe(version);
});
