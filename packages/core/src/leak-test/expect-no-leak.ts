import { InvalidOptionError } from '../errors/errors.js';
import { CodeNames } from '../naming/code-names.js';
import { createPrivateDir, ensureDir, removeDir, snapshotPaths } from '../load/snapshot-files.js';
import { loadSnapshotIds } from '../load/snapshot.js';
import { takeHeapSnapshot } from '../load/take-heap-snapshot.js';
import { formatSize, parseByteSize } from '../present/sizes.js';
import { findLeakHolders, largestObjectId } from '../queries/leak-holders.js';
import { findLeaks } from '../queries/leaks.js';
import { analyzeHeap } from '../threads/analyze-heap.js';
import { loadSnapshot } from '../threads/load-snapshot.js';
import { LeakAssertionError } from './leak-assertion-error.js';
import { formatHolders, formatLeakGroups, holderInfo, pathInfo, type ScenarioHolder, type ScenarioLeakGroup } from './leak-report.js';

export interface LeakCheckOptions {
  /** Runs of the scenario between two snapshots (the check makes 2 × iterations measured runs). Default 5. */
  iterations?: number;
  /** Runs before the baseline snapshot, so caches, lazy modules and compiled code settle. Default 2. */
  warmup?: number;
  /** A class is a leak when each half of the measured runs leaves objects retaining this much alive (bytes, or `500kB`, `1MB`). Default `1MB`. */
  threshold?: number | string;
  /** A class is a leak when each half of the measured runs leaves this many of its objects alive. Default `iterations` (at least 3). */
  thresholdCount?: number;
  /**
   * Class names (exact) or patterns never reported, for objects the test harness itself keeps.
   * Node's own native objects (`Node / …`, `Detached Node / …`) are never leaks anyway.
   */
  ignore?: Array<string | RegExp>;
  /** Most leak groups listed in the error message. Default 5. */
  limit?: number;
  /** Retainer paths shown per group (the most common ways its objects are held). Default 1. */
  paths?: number;
  /**
   * Milliseconds the event loop runs before each snapshot, so pending I/O, timers and the test
   * runner's own messages (vitest reports to its main process) finish instead of looking like leaks. Default 100.
   */
  settle?: number;
  /** Keep the three snapshots in this directory (for `heapdiff leaks`) instead of deleting them. */
  snapshotDir?: string;
}

export interface LeakCheckResult {
  leaking: boolean;
  /** Groups over the thresholds that keep growing, largest retained size first. */
  leaks: ScenarioLeakGroup[];
  /** Every class with objects from the first measured runs alive at the end (leaks included). */
  groups: ScenarioLeakGroup[];
  /** The objects that gather what the scenario leaves alive (a module's array, a Map in a class…), those that grew in both halves first. */
  holders: ScenarioHolder[];
  iterations: number;
  warmup: number;
  thresholds: { bytes: number; count: number };
  /** Baseline, target and final snapshot paths when `snapshotDir` kept them, otherwise null. */
  snapshots: string[] | null;
  /** The readable report the assertion throws with (also set when nothing leaks). */
  message: string;
}

export type Scenario = (iteration: number) => unknown;

function count(value: number | undefined, fallback: number, option: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new InvalidOptionError(`${option}: expected an integer ≥ ${min}, got ${value}`);
  return value;
}

/**
 * Runs `scenario` warmup + 2 × iterations times in this process with three heap snapshots
 * (after the warmup, after `iterations` runs, after `iterations` more) and reports the classes
 * whose objects from the first measured runs are still alive at the end — `heapdiff leaks` with
 * three snapshots. A class is a leak when the objects each half of the measured runs left alive
 * reach a threshold: memory that accumulates, not a one-off allocation of the test harness or a
 * cache that filled once.
 */
export function checkForLeaks(scenario: Scenario, options: LeakCheckOptions = {}): Promise<LeakCheckResult> {
  // One check at a time per process: another check's runs would land in this one's snapshots.
  const result = running.then(() => check(scenario, options));
  running = result.catch(() => undefined);
  return result;
}

let running: Promise<unknown> = Promise.resolve();

async function check(scenario: Scenario, options: LeakCheckOptions): Promise<LeakCheckResult> {
  const iterations = count(options.iterations, 5, 'iterations', 1);
  const warmup = count(options.warmup, 2, 'warmup', 0);
  // At least 3: a lone number or string the harness keeps is no leak, even with 1 or 2 runs.
  const thresholdCount = count(options.thresholdCount, Math.max(iterations, 3), 'thresholdCount', 1);
  const thresholdBytes = parseByteSize(options.threshold ?? '1MB', 'threshold');
  const limit = count(options.limit, 5, 'limit', 1);
  const maxPaths = count(options.paths, 1, 'paths', 0);
  const ignore = options.ignore ?? [];
  const settleMs = count(options.settle, 100, 'settle', 0);
  const snapshot = async (file: string): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    await new Promise((resolve) => setImmediate(resolve));
    await takeHeapSnapshot(file);
  };

  const dir = options.snapshotDir ?? (await createPrivateDir('heapdiff-leak-'));
  if (options.snapshotDir) await ensureDir(dir);
  // Flat copies: V8 would flatten a concatenated path on first use, after the baseline, and the
  // new flat string would be reported as allocated by the scenario.
  const files = snapshotPaths(dir, ['1-baseline', '2-target', '3-final']).map((path) => Buffer.from(path).toString());
  let run = 0;
  const runs = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await scenario(run++);
  };
  try {
    await runs(warmup);
    await snapshot(files[0]);
    await runs(iterations);
    await snapshot(files[1]);
    await runs(iterations);
    await snapshot(files[2]);

    // Parsed only once all three are written: nothing heapdiff allocates shows up as a leak.
    const baseline = await loadSnapshotIds(files[0]!);
    const target = await loadSnapshotIds(files[1]!);
    const analysis = analyzeHeap(await loadSnapshot(files[2]!));
    const later = new Map<number, { count: number; retainedSize: number }>();
    for (const g of findLeaks(analysis, { baseline: target, limit: 0, pathSamples: 0 })) later.set(g.classId, g);
    // Functions are named with their file and line, relative to where the tests run.
    const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
    const ignored = (name: string): boolean => ignore.some((p) => (typeof p === 'string' ? p === name : p.test(name)));

    const groups: ScenarioLeakGroup[] = findLeaks(analysis, { baseline, target, limit: 0, pathSamples: 50, maxPaths }).map((g) => {
      const next = later.get(g.classId) ?? { count: 0, retainedSize: 0 };
      // Both halves must cross the same threshold: a leak grows with every run, while what the
      // harness or lazy compilation allocates once shows up in one half only.
      const grows = (g.count >= thresholdCount && next.count >= thresholdCount) || (g.retainedSize >= thresholdBytes && next.retainedSize >= thresholdBytes);
      return {
        name: g.name,
        key: g.key,
        count: g.count,
        laterCount: next.count,
        laterRetainedSize: next.retainedSize,
        selfSize: g.selfSize,
        retainedSize: g.retainedSize,
        leaking: grows && !ignored(g.name),
        paths: g.clusters.map((c) => ({ count: c.count, ...pathInfo(analysis, c.path, code) })),
        sampled: g.sampled,
      };
    });
    const leaks = groups.filter((g) => g.leaking);
    const thresholds = { bytes: thresholdBytes, count: thresholdCount };
    const maxIds = [largestObjectId(baseline), largestObjectId(target)];
    const holders = findLeakHolders(analysis, { baseline, target, maxIds, limit, thresholds, code }).entries
      .map((entry) => holderInfo(analysis, code, entry));
    const snapshots = options.snapshotDir ? files : null;
    const rule = `each ${iterations} runs left ≥ ${thresholdCount} objects or ≥ ${formatSize(thresholdBytes)} of them alive`;
    const lines = leaks.length === 0
      ? [`No class of objects accumulates over ${2 * iterations} runs of the scenario (a leak: ${rule}).`]
      : [
          `Memory leak: objects of ${leaks.length} ${leaks.length === 1 ? 'class' : 'classes'} accumulate with every run of the scenario (${rule}).`,
          ...formatHolders(holders.filter((h) => h.growing), iterations),
          ...formatLeakGroups(leaks.slice(0, limit), iterations),
          ...(leaks.length > limit ? ['', `… and ${leaks.length - limit} more.`] : []),
          '',
          snapshots
            ? `Snapshots: heapdiff leaks ${snapshots.join(' ')}`
            : 'Pass { snapshotDir } to keep the snapshots for heapdiff leaks.',
        ];
    return { leaking: leaks.length > 0, leaks, groups, holders, iterations, warmup, thresholds, snapshots, message: lines.join('\n') };
  } finally {
    if (!options.snapshotDir) await removeDir(dir);
  }
}

/**
 * Test-suite assertion: throws LeakAssertionError (with `.groups`) when `checkForLeaks` finds
 * objects accumulating across runs of `scenario`; resolves with the full result otherwise.
 */
export async function expectNoLeak(scenario: Scenario, options: LeakCheckOptions = {}): Promise<LeakCheckResult> {
  const result = await checkForLeaks(scenario, options);
  if (result.leaking) throw new LeakAssertionError(result.message, result.leaks, result.holders);
  return result;
}
