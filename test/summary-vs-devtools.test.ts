// computeSummary must reproduce Chrome DevTools' "Summary" view exactly: same
// class keys, names, counts, shallow sizes and retained sizes (DevTools' maxRet),
// on real snapshots from every supported Node major and from a leaking process.
import { describe, expect, test } from 'vitest';
import { WANTED_MAJORS, availableMajors, type NodeMajor } from './helpers/node-binaries.js';
import { summaryDifferences } from './helpers/devtools-compare.js';
import { makeSnapshot } from './helpers/snapshots.js';

async function compareWithDevtools(path: string): Promise<void> {
  // Totals, duplicate keys and one line per differing class, biggest retained size first.
  expect(await summaryDifferences(path)).toEqual([]);
}

describe.each(WANTED_MAJORS)('basic scenario on Node %i', (major: NodeMajor) => {
  test.skipIf(!availableMajors.includes(major))('every class equals DevTools', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    await compareWithDevtools(path!);
  });
});

describe('leak-three scenario', () => {
  test.each(['baseline', 'target', 'final'].map((label, i) => [label, i] as const))(
    '%s snapshot: every class equals DevTools', async (_label, i) => {
      const paths = await makeSnapshot('leak-three');
      await compareWithDevtools(paths[i]!);
    });
});
