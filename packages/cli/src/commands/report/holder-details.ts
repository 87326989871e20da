// What the report shows of each leak holder besides the numbers of `leaks --json`: its path as
// `leaks` prints it (text: a path is a straight line of steps), and drawings only where paths
// branch — one drawing of a straight chain says no more than its text.
import {
  formatPath, nodeLabel, pathView, programPathView,
  type CodeNames, type HeapAnalysis, type LeakHolder, type PathStepView,
} from '@heapdiff/core';
import { dotToSvg, graphFromRetainerPaths, graphToDot, type RetainerPathStep } from '@heapdiff/graphviz-export';
import type { Drawing, HolderDetail } from './page/data.js';

/** Paths longer than this are left out of a drawing (a folded chain reads better as text). */
const MAX_DRAWN_STEPS = 12;
/** Holders drawn together at most: the drawing stays one screen wide. */
const MAX_DRAWN_PATHS = 8;

/** A program path step as a drawing's node: labelled as `leaks` names it, the edge in the program's words. */
function drawnStep(step: PathStepView): RetainerPathStep {
  const label = nodeLabel(step);
  return {
    nodeId: step.nodeId,
    name: label,
    type: step.type,
    className: label,
    edge: step.edgeText ?? step.edge,
    // The program's words are written as they read (`.sessions`, `[3]`, `.get("k")`): drawn as they are.
    edgeType: step.edgeText !== undefined ? 'property' : step.edgeType,
    selfSize: step.selfSize,
    retainedSize: step.retainedSize,
  };
}

/**
 * Paths branch when merged by object some object has two holders or holds two others on them:
 * only then does a drawing show what the text does not.
 */
export function pathsBranch(paths: readonly (readonly { nodeId: number }[])[]): boolean {
  const next = new Map<number, number>();
  const previous = new Map<number, number>();
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1]!.nodeId;
      const to = path[i]!.nodeId;
      if (from === to) continue;
      if ((next.get(from) ?? to) !== to || (previous.get(to) ?? from) !== from) return true;
      next.set(from, to);
      previous.set(to, from);
    }
  }
  return false;
}

/** The paths merged into one Graphviz drawing, when they branch and are short enough to draw; else null. */
async function drawIfBranching(paths: readonly PathStepView[][], title: string): Promise<Drawing | null> {
  const drawn = paths.filter((p) => p.length > 0 && p.length <= MAX_DRAWN_STEPS).slice(0, MAX_DRAWN_PATHS);
  if (!pathsBranch(drawn)) return null;
  const dot = graphToDot(graphFromRetainerPaths(drawn.map((p) => p.map(drawnStep))), { title });
  return { title, dot, svg: await dotToSvg(dot) };
}

/** One holder's paths: in the program's words (what the page shows), and from the GC root. */
export async function holderDetail(analysis: HeapAnalysis, code: CodeNames, entry: LeakHolder, title: string): Promise<HolderDetail> {
  const program = programPathView(analysis, code, entry.path, entry.name);
  return {
    programPath: formatPath(program),
    fullPath: formatPath(pathView(analysis, entry.path, { code })),
    // One shortest path per holder today: it never branches, and is shown as text.
    drawing: await drawIfBranching([program], title),
  };
}

/**
 * The leaks' paths from the program's modules in one drawing — where they hang side by side
 * (two caches of one module, the listeners of one emitter) — when those paths branch. The
 * holders judged leaks; when there are none, the first entries.
 */
export async function holdersOverview(analysis: HeapAnalysis, code: CodeNames, entries: readonly LeakHolder[]): Promise<Drawing | null> {
  const leaks = entries.filter((e) => e.verdict === 'leak');
  const shown = (leaks.length > 0 ? leaks : entries).slice(0, MAX_DRAWN_PATHS);
  if (shown.length < 2) return null;
  const paths = shown.map((e) => programPathView(analysis, code, e.path, e.name));
  const noun = leaks.length > 0 ? 'leaks' : 'holders';
  return drawIfBranching(paths, `Where the ${noun} are held: their paths from the program's code`);
}
