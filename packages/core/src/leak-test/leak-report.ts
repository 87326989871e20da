import type { HeapAnalysis } from '../analysis/analyze.js';
import type { PathStep } from '../analysis/retainer-path.js';
import { formatEdgeLabel } from '../analysis/edge-label.js';
import { nodeDisplayName } from '../analysis/node-name.js';
import { formatByteSize } from './byte-size.js';

/** One step of a retainer path, root first, as plain data that outlives the analysis. */
export interface LeakPathStepInfo {
  nodeId: number;
  /** The node's name (a string's value, a function's name, a class). */
  name: string;
  /** V8 node type: `object`, `closure`, `string`, `array`, ... */
  type: string;
  /** How the person reading recognises the node: its class, a quoted string, `fn()`. */
  label: string;
  /** Edge from the previous step into this node (null on the root). */
  edge: string | null;
  edgeType: string | null;
}

export interface LeakPathInfo {
  /** Sampled members of the group held the same way. */
  count: number;
  steps: LeakPathStepInfo[];
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

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

export function pathInfo(analysis: HeapAnalysis, path: PathStep[]): LeakPathStepInfo[] {
  const g = analysis.graph;
  const { classes } = analysis;
  return path.map((step) => {
    const o = step.ordinal;
    const name = nodeDisplayName(g, analysis.domState, o, 200);
    const type = g.nodeTypeName(o);
    const className = classes.names[classes.classOf[o]!]!;
    const label =
      STRING_TYPES.has(type) ? `${className} ${JSON.stringify(safe(name, 40))}` :
      type === 'closure' ? (name ? `${name}()` : 'Function') :
      type === 'synthetic' || type === 'hidden' ? name :
      className;
    return {
      nodeId: g.nodeId[o]!,
      name,
      type,
      label,
      edge: step.edge >= 0 ? g.edgeName(step.edge) : null,
      edgeType: step.edge >= 0 ? g.edgeTypeName(step.edge) : null,
    };
  });
}

// Control characters and bidi overrides: heap strings must not drive the terminal that shows the error.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function safe(text: string, maxLength: number): string {
  const cleaned = text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

// Created on first use: the first NumberFormat of a process loads ICU data (~10 ms of start-up).
let countFormat: Intl.NumberFormat | undefined;
const count = { format: (n: number): string => (countFormat ??= new Intl.NumberFormat('en-US')).format(n) };

/** Longer paths keep their root and their last steps: the holder is near the leaked object. */
const MAX_STEPS_SHOWN = 12;
const TAIL_STEPS = MAX_STEPS_SHOWN - 2;

/** The groups as `heapdiff leaks` prints them: class, counts, sizes, then each path root first. */
export function formatLeakGroups(groups: ScenarioLeakGroup[], iterations: number): string[] {
  const out: string[] = [];
  groups.forEach((g, i) => {
    out.push('');
    out.push(
      `#${i + 1} ${safe(g.name, 80)}  ${count.format(g.count)} objects from the first ${iterations} runs still alive ` +
        `(+${count.format(g.laterCount)} from the next ${iterations}), retained ${formatByteSize(g.retainedSize)} (self ${formatByteSize(g.selfSize)})`,
    );
    for (const path of g.paths) {
      out.push(`   ${count.format(path.count)} of ${count.format(g.sampled)}${g.sampled < g.count ? ' sampled' : ''} held like this:`);
      out.push(...formatSteps(path.steps));
    }
  });
  return out;
}

function formatSteps(steps: LeakPathStepInfo[]): string[] {
  const elided = steps.length > MAX_STEPS_SHOWN ? steps.length - 1 - TAIL_STEPS : 0;
  const shown = elided > 0 ? [steps[0]!, ...steps.slice(-TAIL_STEPS)] : steps;
  const lines: string[] = [];
  shown.forEach((step, depth) => {
    const node = `${safe(step.label, 80)} @${step.nodeId}`;
    if (depth === 1 && elided > 0) lines.push(`     ${'  '.repeat(depth)}⋮ ${elided} more steps`);
    const indent = '  '.repeat(depth + (elided > 0 && depth > 0 ? 1 : 0));
    if (step.edge === null) lines.push(`     ${indent}${node}`);
    else lines.push(`     ${indent}${safe(formatEdgeLabel(step.edge, step.edgeType!), 60)} → ${node}`);
  });
  return lines;
}
