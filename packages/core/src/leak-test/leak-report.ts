import type { HeapAnalysis } from '../analysis/analyze.js';
import type { CodeNames } from '../naming/code-names.js';
import { nodeLabel } from '../present/labels.js';
import { formatPath, pathView, type PathStepView } from '../present/path-view.js';
import { programPathView } from '../present/program-path.js';
import { safeText } from '../present/safe-text.js';
import { formatCount, formatSize } from '../present/sizes.js';
import type { LeakHolder } from '../queries/leak-holders.js';
import { nameOfPath } from '../queries/program-names.js';
import type { PathStep } from '../queries/retainer-path.js';
import { describeWhere, holderName, holderShapeText } from '../present/holder-text.js';

/** One step of a retainer path, root first, as plain data that outlives the analysis. */
export interface LeakPathStepInfo extends PathStepView {
  /** How the person reading recognises the node: its class, a quoted string, `fn()`. */
  label: string;
}

export interface LeakPathInfo {
  /** Sampled members of the group held the same way. */
  count: number;
  /** From a GC root, as DevTools shows it. */
  steps: LeakPathStepInfo[];
  /** From where the program's code names it (`module test/x.test.ts` → `registry` → `.orders`…), when it does. */
  program: LeakPathStepInfo[] | null;
}

/** A class whose objects outlived the scenario's runs. */
export interface ScenarioLeakGroup {
  name: string;
  /** Class key, as in `heapdiff leaks --json`. */
  key: string;
  /** Objects allocated during the first measured runs and still alive after the second ones. */
  count: number;
  /** Objects of the class allocated during the second measured runs and still alive at the end. */
  laterCount: number;
  /** Retained size of those later objects. */
  laterRetainedSize: number;
  selfSize: number;
  retainedSize: number;
  /** Whether the group crosses the thresholds and keeps growing. */
  leaking: boolean;
  /** Shortest retainer paths, the most common first. */
  paths: LeakPathInfo[];
  /** Members the paths were computed from (≤ count). */
  sampled: number;
}

/** An object that gathers what the scenario leaves alive, named as the program reaches it. */
export interface ScenarioHolder {
  /** `store.sessions`, `auditLog`, `lifecycle._events.shutdown`, or its class when no code names it. */
  name: string;
  /** `a variable of module test/app.js`, `exported by lib/store.js`… */
  where: string;
  /** `Map of 40 entries (10 → 20 → 40 over the snapshots)`. */
  shape: string;
  nodeId: number;
  /** Objects from the first measured runs it still holds, and the classes among them. */
  count: number;
  retainedSize: number;
  classes: Array<{ name: string; count: number }>;
  /** Whether it gained objects it still holds in both halves of the measured runs. */
  growing: boolean;
}

export function holderInfo(analysis: HeapAnalysis, code: CodeNames, entry: LeakHolder): ScenarioHolder {
  return {
    name: holderName(analysis, code, entry),
    where: describeWhere(entry.name),
    shape: holderShapeText(entry),
    nodeId: analysis.graph.nodeId[entry.ordinal]!,
    count: entry.members.count,
    retainedSize: entry.members.retainedSize,
    classes: entry.classes.map((c) => ({ name: c.name, count: c.count })),
    growing: entry.growth?.everyInterval === true,
  };
}

/** Where the leaked objects gather, before the class groups: what a person fixes. */
export function formatHolders(holders: ScenarioHolder[], iterations: number): string[] {
  if (holders.length === 0) return [];
  const out = ['', `Held by (growing with every ${iterations} runs):`];
  for (const h of holders) {
    const classes = h.classes.slice(0, 4).map((c) => `${formatCount(c.count)} ${safeText(c.name, 100)}`).join(', ');
    out.push(`  ${safeText(h.name, 120)}  (${safeText(h.where, 160)})`);
    out.push(`     ${h.shape} @${h.nodeId}, holds ${formatCount(h.count)} objects from the first runs: ${classes}${h.classes.length > 4 ? ', …' : ''}`);
  }
  return out;
}

export function pathInfo(analysis: HeapAnalysis, path: PathStep[], code: CodeNames): Omit<LeakPathInfo, 'count'> {
  const steps = pathView(analysis, path, { code, nameLength: 200 }).map((step) => ({ ...step, label: nodeLabel(step) }));
  const name = nameOfPath(analysis, code, path);
  const program = name ? programPathView(analysis, code, path, name).map((step) => ({ ...step, label: nodeLabel(step) })) : null;
  return { steps, program };
}

/** The groups as `heapdiff leaks` prints them: class, counts, sizes, then each path root first. */
export function formatLeakGroups(groups: ScenarioLeakGroup[], iterations: number): string[] {
  const out: string[] = [];
  groups.forEach((g, i) => {
    out.push('');
    out.push(
      `#${i + 1} ${safeText(g.name, 80)}  ${formatCount(g.count)} objects from the first ${iterations} runs still alive ` +
        `(+${formatCount(g.laterCount)} from the next ${iterations}), retained ${formatSize(g.retainedSize)} (self ${formatSize(g.selfSize)})`,
    );
    for (const path of g.paths) {
      out.push(`   ${formatCount(path.count)} of ${formatCount(g.sampled)}${g.sampled < g.count ? ' sampled' : ''} held like this:`);
      out.push(...formatPath(path.program ?? path.steps, '     '));
    }
  });
  return out;
}
