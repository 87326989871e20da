// @ts-check
// Worker thread for the fuzz suite: loads one (mutated) snapshot and runs every analysis on it,
// in-process as a library user would. Plain JavaScript because worker threads load files as
// Node sees them (no TypeScript transform); the test side (fuzz/worker-pool.ts) can then kill
// a case that hangs, which a test in the main thread could not do to a synchronous loop.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import {
  analyzeHeap, computeDiff, computeGrowth, countClasses, extractSubgraph, findLeaks, findOrphans, HeapdiffError,
  HeapSnapshotError, IdIndex, inspectNode, loadSnapshot, loadSnapshotIds, nodeDisplayName, retainerPathOfId,
  rootCategory, shortestRetainerPath, computeSummary,
} from '@heapdiff/core';

const NO_DISTANCE = -5;

/** @type {Map<string, Promise<{ graph: import('@heapdiff/core').HeapGraph, ids: IdIndex, counts: ReturnType<typeof countClasses> }>>} */
const bases = new Map();
function loadBase(/** @type {string} */ path) {
  let base = bases.get(path);
  if (!base) {
    base = loadSnapshot(path).then((s) => ({ graph: s.graph, ids: new IdIndex(s.graph.nodeId), counts: countClasses(s.graph) }));
    bases.set(path, base);
  }
  return base;
}

/** A small deterministic generator, so probes are reproducible from the case's seed. */
function random(/** @type {number} */ seed) {
  let s = seed >>> 0 || 1;
  return (/** @type {number} */ n) => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s % n;
  };
}

/** Invariants every successful analysis must satisfy: these make "a result" a checked result. */
function checkAnalysis(/** @type {import('@heapdiff/core').HeapAnalysis} */ a, /** @type {string[]} */ problems) {
  const g = a.graph;
  const n = g.nodeCount;
  const root = g.rootOrdinal;
  let selfTotal = 0;
  const position = new Int32Array(n).fill(-1);
  // preorder is not exported; the dominator tree is, and every node hangs below the root.
  const { firstDominated, dominated } = a.dominatorTree;
  const stack = [root];
  let visited = 0;
  position[root] = 0;
  while (stack.length > 0) {
    const o = /** @type {number} */ (stack.pop());
    visited++;
    for (let i = firstDominated[o]; i < firstDominated[o + 1]; i++) {
      const child = dominated[i];
      if (position[child] !== -1) { problems.push(`dominator tree reaches ${child} twice`); return; }
      position[child] = position[o] + 1;
      stack.push(child);
    }
  }
  if (visited !== n) problems.push(`dominator tree holds ${visited} of ${n} nodes`);
  let subtreeSum = 0;
  for (let o = 0; o < n; o++) {
    const self = a.selfSize[o];
    const retained = a.retainedSize[o];
    if (!Number.isFinite(self) || self < 0) problems.push(`self size of ${o} is ${self}`);
    if (!(retained >= self)) problems.push(`retained size of ${o} (${retained}) below its self size (${self})`);
    if (a.dominator[o] >= n) problems.push(`dominator of ${o} out of range`);
    const d = a.distance[o];
    if (d !== NO_DISTANCE && d < 0) problems.push(`distance of ${o} is ${d}`);
    selfTotal += self;
    if (o !== root && a.dominator[o] === o) problems.push(`${o} dominates itself`);
    if (problems.length > 5) return;
  }
  for (let i = firstDominated[root]; i < firstDominated[root + 1]; i++) subtreeSum += a.retainedSize[dominated[i]];
  if (a.retainedSize[root] !== selfTotal) problems.push(`root retains ${a.retainedSize[root]}, self sizes add up to ${selfTotal}`);
  if (a.retainedSize[root] !== a.selfSize[root] + subtreeSum) problems.push(`root's retained size is not self + children`);
}

function checkPath(/** @type {import('@heapdiff/core').HeapAnalysis} */ a, /** @type {{ordinal: number, edge: number}[]} */ path, /** @type {number} */ target, /** @type {string[]} */ problems) {
  const g = a.graph;
  if (path.length === 0) return;
  if (path[path.length - 1].ordinal !== target) problems.push(`path to ${target} ends elsewhere`);
  if (path[0].edge !== -1) problems.push(`path to ${target} starts with an edge`);
  for (let i = 1; i < path.length; i++) {
    const e = path[i].edge;
    const from = path[i - 1].ordinal;
    if (e < g.firstEdgeIndex[from] || e >= g.firstEdgeIndex[from + 1] || g.edgeToOrdinal[e] !== path[i].ordinal) {
      problems.push(`path to ${target}: step ${i} is not an edge of the previous node`);
      return;
    }
    if (g.edgeType[e] === g.edgeTypeId.weak) problems.push(`path to ${target} uses a weak edge`);
  }
}

/** Fingerprint of a loaded graph's columns and strings, to compare two ways of loading one file. */
function graphDigest(/** @type {import('@heapdiff/core').HeapGraph} */ g) {
  const hash = createHash('sha256');
  for (const column of [g.nodeType, g.nodeNameIndex, g.nodeId, g.nodeSelfSize, g.firstEdgeIndex, g.edgeType, g.edgeNameOrIndex, g.edgeToOrdinal]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  const retainers = g.getRetainers();
  for (const column of [retainers.firstRetainerIndex, retainers.retainingNode, retainers.retainingEdge]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  hash.update(g.strings.join('\u0000'));
  return `${g.nodeCount}/${g.edgeCount}/${g.rootOrdinal}/${hash.digest('hex').slice(0, 16)}`;
}

/** How a load ended: a graph fingerprint or the error's class, code and offset. */
async function loadOutcome(/** @type {string} */ path, /** @type {import('@heapdiff/core').LoadOptions} */ options) {
  try {
    return `ok ${graphDigest((await loadSnapshot(path, options)).graph)}`;
  } catch (error) {
    if (!(error instanceof HeapdiffError)) throw error;
    return `${error.name} ${error.code} ${error instanceof HeapSnapshotError ? error.offset : ''}`;
  }
}

/** Short fingerprint of everything a user would see, to compare neutral mutations with the original. */
function digest(/** @type {unknown} */ value) {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

async function runCase(/** @type {{ path: string, base: string, seed: number, probes: number, splitBlockBytes: number }} */ request) {
  /** @type {string[]} */
  const problems = [];
  let step = 'ids';
  try {
    // The leak baseline reader takes another route through the parser (ids only, the rest skipped).
    let idsError = null;
    try {
      await loadSnapshotIds(request.path);
    } catch (error) {
      if (!(error instanceof HeapdiffError)) throw error;
      idsError = error.code;
    }
    step = 'load';
    if (request.splitBlockBytes > 0) {
      // The edges array parsed from both ends by two threads must give what one thread gives.
      const single = await loadOutcome(request.path, { split: false });
      step = 'split load';
      const split = await loadOutcome(request.path, { split: { minBytes: 0, blockBytes: request.splitBlockBytes } });
      if (split !== single) return { kind: 'crash', step, name: 'SplitMismatch', message: `two threads: ${split}; one thread: ${single}`, stack: '' };
      step = 'load';
    }
    const snapshot = await loadSnapshot(request.path);
    const g = snapshot.graph;
    const base = await loadBase(request.base);
    step = 'analyze';
    const analysis = analyzeHeap(g);
    checkAnalysis(analysis, problems);
    step = 'summary';
    const summary = computeSummary(analysis);
    if (!Number.isFinite(summary.totalSize)) problems.push(`total size ${summary.totalSize}`);
    step = 'diff';
    const diff = computeDiff(base.graph, g);
    step = 'growth';
    computeGrowth([base.counts, countClasses(g)]);
    step = 'leaks';
    const leaks = findLeaks(analysis, { baseline: base.ids, limit: 0 });
    for (const group of leaks) for (const c of group.clusters) checkPath(analysis, c.path, c.path[c.path.length - 1]?.ordinal ?? -1, problems);
    step = 'orphans';
    const orphans = findOrphans(analysis);
    // Categories are computed for all orphans at once; each must be what a lone lookup says.
    for (const group of orphans) {
      for (const o of group.samples) {
        const category = rootCategory(analysis, o);
        if (!group.categories.some((c) => c.category === category)) problems.push(`orphan ${o}: category ${category} not among its group's`);
      }
    }
    step = 'probes';
    const pick = random(request.seed);
    const probes = [g.rootOrdinal];
    for (let i = 0; i < request.probes; i++) probes.push(pick(g.nodeCount));
    for (const o of probes) {
      step = `path @${g.nodeId[o]}`;
      const path = shortestRetainerPath(analysis, o);
      checkPath(analysis, path, o, problems);
      retainerPathOfId(analysis, g.nodeId[o]);
      step = `inspect @${g.nodeId[o]}`;
      inspectNode(analysis, g.nodeId[o], { limit: 0 });
      nodeDisplayName(g, analysis.domState, o);
      step = `subgraph @${g.nodeId[o]}`;
      extractSubgraph(analysis, [o], { direction: 'retainers', maxDepth: 4, includeWeak: pick(2) === 0 });
      extractSubgraph(analysis, [o], { direction: 'references', maxDepth: 4 });
    }
    return {
      kind: 'ok',
      problems,
      idsError,
      nodeCount: g.nodeCount,
      digest: digest({
        summary: summary.classes.map((c) => [c.key, c.count, c.selfSize, c.retainedSize]),
        total: summary.totalSize,
        diff: diff.classes.length,
        leaks: leaks.map((l) => [l.key, l.count, l.retainedSize]),
        orphans: orphans.map((o) => [o.key, o.count]),
      }),
    };
  } catch (error) {
    if (error instanceof HeapdiffError) {
      return {
        kind: 'error',
        step,
        name: error.name,
        code: error.code,
        message: error.message,
        offset: error instanceof HeapSnapshotError ? error.offset : null,
        file: error instanceof HeapSnapshotError ? error.file ?? null : 'file' in error ? error.file : null,
      };
    }
    const e = /** @type {Error} */ (error);
    return { kind: 'crash', step, name: e?.name ?? typeof error, message: String(e?.message ?? error), stack: String(e?.stack ?? '') };
  }
}

parentPort?.on('message', async (/** @type {{ id: number, request: any }} */ message) => {
  const started = performance.now();
  const result = await runCase(message.request);
  parentPort?.postMessage({ id: message.id, result: { ...result, ms: performance.now() - started } });
});
