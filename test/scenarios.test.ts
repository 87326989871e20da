// The scenario scripts must really produce what the compatibility tests rely on;
// checked with DevTools itself, so this file does not need @heapdiff/core.
// If one of these fails after a Node upgrade, the scenario needs adjusting, not core.
import { describe, expect, test } from 'vitest';
import { WANTED_MAJORS, availableMajors } from './helpers/node-binaries.js';
import { devtoolsAggregates, devtoolsDiff } from './helpers/oracles.js';
import { makeSnapshot } from './helpers/snapshots.js';

/** DevTools keys objects with a constructor location as "scriptId,line,col,Name". */
const located = (name: string): RegExp => new RegExp(`^\\d+,\\d+,\\d+,${name}$`);
const findKey = (keys: string[], name: string): string | undefined => keys.find((k) => located(name).test(k));

describe.each(WANTED_MAJORS)('basic on Node %i', (major) => {
  test.skipIf(!availableMajors.includes(major))('has located classes, an inferred interface and every node kind', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    const agg = await devtoolsAggregates(path!);
    const keys = Object.keys(agg);
    expect(agg[findKey(keys, 'Foo')!]?.count).toBeGreaterThanOrEqual(50);
    expect(agg[findKey(keys, 'Bar')!]?.count).toBe(20);
    // 300 literals plus V8's boilerplate for the literal site.
    expect(agg[',{a, b, c}']?.count).toBeGreaterThanOrEqual(300);
    // Closures are classed as Function, regexps as RegExp, other non-objects as "(type)".
    for (const key of [',Array', ',Map', ',Set', ',WeakMap', ',WeakRef', ',Function', ',RegExp', ',ArrayBuffer',
      ',Float64Array', ',(string)', ',(concatenated string)', ',(sliced string)', ',(symbol)', ',(bigint)', ',(system)']) {
      expect(keys, key).toContain(key);
    }
  });
});

test('leak-three leaks LeakyRequest and ListenerState, and its garbage is collected', async () => {
  const paths = await makeSnapshot('leak-three');
  const counts = await Promise.all(paths.map(async (p) => {
    const agg = await devtoolsAggregates(p);
    const keys = Object.keys(agg);
    const count = (name: string): number => agg[findKey(keys, name) ?? '']?.count ?? 0;
    return { leaky: count('LeakyRequest'), listeners: count('ListenerState'), ephemeral: count('Ephemeral') };
  }));
  expect(counts).toEqual([
    { leaky: 0, listeners: 0, ephemeral: 0 },
    { leaky: 200, listeners: 20, ephemeral: 0 },
    { leaky: 500, listeners: 50, ephemeral: 0 },
  ]);
  const diff = await devtoolsDiff(paths[1]!, paths[2]!);
  const leakyKey = findKey(Object.keys(diff), 'LeakyRequest')!;
  expect(diff[leakyKey]).toMatchObject({ addedCount: 300, removedCount: 0 });
});
