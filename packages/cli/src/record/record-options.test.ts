import { describe, expect, test } from 'vitest';
import { UsageError } from '../errors.js';
import { chromiumLaunchOptions } from './chromium.js';
import { formatDuration, parseDuration } from './duration.js';
import { resolveProgram } from './node-program.js';
import { snapshotNames } from './snapshot-names.js';

describe('parseDuration', () => {
  test.each([['10s', 10_000], ['500ms', 500], ['1.5s', 1500], ['2m', 120_000], ['3', 3000], [' 1h ', 3_600_000], ['2min', 120_000]])('%j is %i ms', (text, ms) => {
    expect(parseDuration(text, '--interval')).toBe(ms);
  });

  test.each(['', '0', '0s', '-1s', 'soon', '10 parsecs', '1e3', '99999999h'])('rejects %j', (text) => {
    expect(() => parseDuration(text, '--interval')).toThrow(UsageError);
  });

  test('formatDuration echoes what was asked', () => {
    expect([500, 1500, 10_000, 120_000, 90_000].map(formatDuration)).toEqual(['500ms', '1.5s', '10s', '2m', '90s']);
  });
});

describe('snapshotNames', () => {
  test('leaks roles: baseline, target, final', () => {
    expect(snapshotNames(1)).toEqual(['1-snapshot.heapsnapshot']);
    expect(snapshotNames(2)).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot']);
    expect(snapshotNames(3)).toEqual(['1-baseline.heapsnapshot', '2-target.heapsnapshot', '3-final.heapsnapshot']);
    expect(snapshotNames(5).slice(2)).toEqual(['3-snapshot.heapsnapshot', '4-snapshot.heapsnapshot', '5-final.heapsnapshot']);
  });
});

describe('resolveProgram', () => {
  test('`node app.js args`, a bare script, and --node replacing the binary', () => {
    expect(resolveProgram(['node', 'app.js', '--port', '3'])).toEqual({ node: 'node', args: ['app.js', '--port', '3'] });
    expect(resolveProgram(['/opt/node18/bin/node', '--max-old-space-size=64', 'app.js'])).toEqual({ node: '/opt/node18/bin/node', args: ['--max-old-space-size=64', 'app.js'] });
    expect(resolveProgram(['server.mjs'])).toEqual({ node: process.execPath, args: ['server.mjs'] });
    expect(resolveProgram(['node', 'app.js'], '/usr/bin/node22')).toEqual({ node: '/usr/bin/node22', args: ['app.js'] });
  });

  test('no program, or not a Node.js one, is a usage error', () => {
    expect(() => resolveProgram([])).toThrow(UsageError);
    expect(() => resolveProgram(['python', 'app.py'])).toThrow(/not node/);
  });
});

describe('chromiumLaunchOptions', () => {
  test('the sandbox stays on for a normal user', () => {
    const options = chromiumLaunchOptions({ uid: 1000, env: {} });
    expect(options.args).not.toContain('--no-sandbox');
    expect(options.chromiumSandbox).toBe(true); // or playwright adds --no-sandbox itself
  });

  test('--no-sandbox as root (Chromium refuses its sandbox there) or when the user opts out', () => {
    for (const context of [{ uid: 0, env: {} }, { uid: 1000, env: { HEAPDIFF_CHROMIUM_NO_SANDBOX: '1' } }]) {
      const options = chromiumLaunchOptions(context);
      expect(options.args).toContain('--no-sandbox');
      expect(options.chromiumSandbox).toBe(false);
    }
    expect(chromiumLaunchOptions({ uid: 1000, env: { HEAPDIFF_CHROMIUM_NO_SANDBOX: '0' } }).chromiumSandbox).toBe(true);
    expect(chromiumLaunchOptions({ uid: undefined, env: {} }).chromiumSandbox).toBe(true);
  });

  test('headless and quiet on the network', () => {
    expect(chromiumLaunchOptions({ uid: 1000, env: {} }).args).toEqual(expect.arrayContaining(['--headless', '--disable-background-networking']));
  });
});
