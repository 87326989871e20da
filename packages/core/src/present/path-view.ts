import type { HeapAnalysis } from '../analysis/analyze.js';
import type { CodeNames } from '../naming/code-names.js';
import { formatEdgeLabel } from '../naming/edge-label.js';
import { MAX_NAME_LENGTH, nodeDisplayName } from '../naming/node-name.js';
import type { PathStep } from '../queries/retainer-path.js';
import { nodeLabel, type LabelSource } from './labels.js';
import { repeatAt } from './repeats.js';
import { safeText } from './safe-text.js';
import { formatCount } from './sizes.js';

/** One step of a retainer path as plain data: the node, and the edge into it from the step before. */
export interface PathStepView extends LabelSource {
  nodeId: number;
  /** Edge name (or index, as a string) from the previous step; null on the first step. */
  edge: string | null;
  edgeType: string | null;
  selfSize: number;
  retainedSize: number;
  /** `app/connection.js:7:24` for a function or an instance of a located class; null otherwise. */
  location: string | null;
  /** The edge in the program's words (`.get("s42")`, `auditLog`), when it differs from DevTools' notation. */
  edgeText?: string;
}

export interface PathViewOptions {
  /** Names functions and scopes with their file:line:col. */
  code?: CodeNames;
  /** String values are cut to this many characters. */
  nameLength?: number;
}

/** A path's steps as plain data that outlives the analysis. */
export function pathView(analysis: HeapAnalysis, path: readonly PathStep[], options: PathViewOptions = {}): PathStepView[] {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  const { code } = options;
  const closure = g.nodeTypeId.closure;
  const hidden = g.edgeTypeId.hidden;
  return path.map(({ ordinal: o, edge }, k) => {
    const label = code ? code.label(o) : null;
    // A scope's unnamed slot, named after its variable as DevTools names the others.
    const variable = code && k > 0 && edge >= 0 && g.edgeType[edge] === hidden ? code.variableName(path[k - 1]!.ordinal, edge) : null;
    return {
      nodeId: g.nodeId[o]!,
      name: nodeDisplayName(g, analysis.domState, o, options.nameLength ?? MAX_NAME_LENGTH),
      type: g.nodeTypeName(o),
      className: names[classOf[o]!]!,
      edge: edge >= 0 ? g.edgeName(edge) : null,
      edgeType: edge >= 0 ? g.edgeTypeName(edge) : null,
      selfSize: analysis.selfSize[o]!,
      retainedSize: analysis.retainedSize[o]!,
      location: code ? code.files.where(o) : null,
      ...(label ? { label } : {}),
      ...(variable !== null ? { edgeText: `->${variable}` } : {}),
    };
  });
}

/** Lines a path prints at most once folded: its top, `⋮ N more steps`, and the end near the object. */
const MAX_LINES = 16;
const HEAD_LINES = 4;

interface Line {
  /** `.prop → Class @id`, or the first step's `Class @id`. */
  text: string;
  /** The same without the id: what repeats compare. */
  shape: string;
  edge: string | null;
}

/**
 * One line per step, indented by depth, root first. A cycle of up to four steps repeated many
 * times (a linked list's `._idleNext → Timeout`, a closure chain's `.someMethod → {context} →
 * ->originalThing`) shows its first and last turn around one `… N more` line, and a path still
 * longer than a screenful keeps its top and its end, where the holder is.
 */
export function formatPath(steps: readonly PathStepView[], indent = ''): string[] {
  const lines: Line[] = steps.map((step) => {
    const label = nodeLabel(step);
    const edge = step.edge === null ? null : safeText(step.edgeText ?? formatEdgeLabel(step.edge, step.edgeType!), 60);
    const node = `${label} @${step.nodeId}`;
    return edge === null ? { text: node, shape: label, edge } : { text: `${edge} → ${node}`, shape: `${edge} → ${label}`, edge };
  });
  const out = foldCycles(lines);
  const shown = out.length <= MAX_LINES ? out : [
    ...out.slice(0, HEAD_LINES),
    `⋮ ${formatCount(out.length - MAX_LINES + 1)} more steps`,
    ...out.slice(out.length - (MAX_LINES - HEAD_LINES - 1)),
  ];
  return shown.map((text, depth) => `${indent}${'  '.repeat(depth)}${text}`);
}

function foldCycles(lines: Line[]): string[] {
  const out: string[] = [];
  const shapes = lines.map((l) => l.shape);
  for (let i = 0; i < lines.length;) {
    const repeat = repeatAt(shapes, i);
    // The first step has no edge: it starts no cycle.
    if (repeat === null || lines[i]!.edge === null) {
      out.push(lines[i]!.text);
      i++;
      continue;
    }
    const { period: p, repeats } = repeat;
    for (let k = 0; k < p; k++) out.push(lines[i + k]!.text);
    const cycle = p === 1 ? lines[i]!.shape : `(${lines.slice(i, i + p).map((l) => l.edge).join(' → ')})`;
    out.push(`… ${formatCount(repeats - 2)} more ${p === 1 ? '' : '× '}${cycle}`);
    const last = i + (repeats - 1) * p;
    for (let k = 0; k < p; k++) out.push(lines[last + k]!.text);
    i += repeats * p;
  }
  return out;
}
