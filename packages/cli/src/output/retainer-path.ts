import { formatEdgeLabel, nodeDisplayName, type HeapAnalysis, type PathStep } from '@heapdiff/core';
import { safeText } from './format.js';

/** A path step as it appears in every `--json` output: the node and the edge into it. */
export interface PathStepJson {
  nodeId: number;
  name: string;
  type: string;
  edge: string | null;
  edgeType: string | null;
}

export function pathToJson(analysis: HeapAnalysis, path: readonly PathStep[]): PathStepJson[] {
  const g = analysis.graph;
  return path.map((step) => ({
    nodeId: g.nodeId[step.ordinal]!,
    name: nodeDisplayName(g, analysis.domState, step.ordinal),
    type: g.nodeTypeName(step.ordinal),
    edge: step.edge >= 0 ? g.edgeName(step.edge) : null,
    edgeType: step.edge >= 0 ? g.edgeTypeName(step.edge) : null,
  }));
}

/** A run of this many identical steps (a linked list) or more is shown as first, "… N more", last. */
const RUN_TO_FOLD = 4;

/**
 * One line per step, indented by depth, root first. Runs of one repeated step (`._idlePrev →
 * Timeout` through Node's timer list) show their first and last step around an "… N more" line.
 */
export function formatPath(analysis: HeapAnalysis, path: PathStep[], indent = ''): string[] {
  const { classes } = analysis;
  const steps = pathToJson(analysis, path).map((step, i) => {
    const label = safeText(nodeLabel(step, classes.names[classes.classOf[path[i]!.ordinal]!]!), 80);
    const edge = step.edge === null ? null : safeText(formatEdgeLabel(step.edge, step.edgeType!), 60);
    return { edge, label, node: `${label} @${step.nodeId}` };
  });
  const lines: string[] = [];
  const line = (text: string): void => {
    lines.push(lines.length === 0 ? `${indent}${text}` : `${indent}${'  '.repeat(lines.length)}${text}`);
  };
  for (let i = 0; i < steps.length;) {
    const step = steps[i]!;
    let end = i + 1;
    while (end < steps.length && step.edge !== null && steps[end]!.edge === step.edge && steps[end]!.label === step.label) end++;
    const run = end - i;
    if (step.edge === null) line(step.node);
    else if (run < RUN_TO_FOLD) {
      for (let k = i; k < end; k++) line(`${steps[k]!.edge} → ${steps[k]!.node}`);
    } else {
      line(`${step.edge} → ${step.node}`);
      line(`… ${run - 2} more ${step.edge} → ${step.label}`);
      line(`${step.edge} → ${steps[end - 1]!.node}`);
    }
    i = end;
  }
  return lines;
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** What a person recognises a node by: its class, a string's value, a function's name. */
function nodeLabel(step: PathStepJson, className: string): string {
  // V8 names sliced (and some concatenated) strings by their type only: no value to show.
  if (STRING_TYPES.has(step.type)) return step.name === className ? className : `${className} ${JSON.stringify(safeText(step.name, 40))}`;
  if (step.type === 'closure') return step.name ? `${step.name}()` : 'Function';
  if (step.type === 'synthetic' || step.type === 'hidden') return step.name;
  return className;
}
