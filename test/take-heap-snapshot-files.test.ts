// The library's takeHeapSnapshot writes snapshots only their owner can read: 0600 files whatever
// the umask, and without a path, a private directory (0700) of their own rather than the shared
// temporary directory itself.
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { takeHeapSnapshot } from '@heapdiff/core/leak-test';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('takeHeapSnapshot files', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  test('a snapshot written to a path is 0600, and nothing else is left beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heapdiff-take-'));
    try {
      const file = await takeHeapSnapshot(join(dir, 'app.heapsnapshot'));
      expect(mode(file)).toBe(0o600);
      expect(readdirSync(dir)).toEqual(['app.heapsnapshot']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('without a path: a 0600 file in a private 0700 directory under the temporary directory', async () => {
    const first = await takeHeapSnapshot();
    const second = await takeHeapSnapshot();
    try {
      expect(dirname(first)).not.toBe(tmpdir());
      expect(dirname(dirname(first))).toBe(tmpdir());
      expect(basename(dirname(first))).toMatch(/^heapdiff-snapshots-/);
      expect(mode(dirname(first))).toBe(0o700);
      expect(mode(first)).toBe(0o600);
      expect(dirname(second)).toBe(dirname(first));
      expect(second).not.toBe(first);
    } finally {
      await rm(first, { force: true });
      await rm(second, { force: true });
    }
  });
});
