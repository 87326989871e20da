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

export function pathToJson(analysis: HeapAnalysis, path: PathStep[]): PathStepJson[] {
  const g = analysis.graph;
  return path.map((step) => ({
    nodeId: g.nodeId[step.ordinal]!,
    name: nodeDisplayName(g, analysis.domState, step.ordinal),
    type: g.nodeTypeName(step.ordinal),
    edge: step.edge >= 0 ? g.edgeName(step.edge) : null,
    edgeType: step.edge >= 0 ? g.edgeTypeName(step.edge) : null,
  }));
}

/** One line per step, indented by depth, root first. */
export function formatPath(analysis: HeapAnalysis, path: PathStep[], indent = ''): string[] {
  const { classes } = analysis;
  return pathToJson(analysis, path).map((step, i) => {
    const label = nodeLabel(step, classes.names[classes.classOf[path[i]!.ordinal]!]!);
    const node = `${safeText(label, 80)} @${step.nodeId}`;
    if (step.edge === null) return `${indent}${node}`;
    return `${indent}${'  '.repeat(i)}${safeText(formatEdgeLabel(step.edge, step.edgeType!), 60)} → ${node}`;
  });
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** What a person recognises a node by: its class, a string's value, a function's name. */
function nodeLabel(step: PathStepJson, className: string): string {
  if (STRING_TYPES.has(step.type)) return `${className} ${JSON.stringify(safeText(step.name, 40))}`;
  if (step.type === 'closure') return step.name ? `${step.name}()` : 'Function';
  if (step.type === 'synthetic' || step.type === 'hidden') return step.name;
  return className;
}
