import type { HeapAnalysis } from '../analysis/analyze.js';
import type { PathStep } from './retainer-path.js';

/**
 * A path's shape, for clustering leaked objects held the same way: classes and edge names,
 * with array indices and ids left out (`leakedRequests[17]` and `leakedRequests[18]` match), and
 * runs of one repeated step written once, so that members deeper or shallower in one linked list
 * (Node's timer lists: `._idlePrev → Timeout` again and again) match too.
 */
export function pathSignature(analysis: HeapAnalysis, path: PathStep[]): string {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  let signature = '';
  let previous = '';
  for (const step of path) {
    let token = '';
    if (step.edge >= 0) {
      const type = g.edgeType[step.edge];
      const raw = type === g.edgeTypeId.element || type === g.edgeTypeId.hidden ? '' : g.edgeName(step.edge);
      // Numeric names (hash table slots) and embedded ids vary per member; the shape does not.
      const name = /^\d*$/.test(raw) ? '[]' : raw.replace(/@\d+/g, '@');
      token = `\u0000${type}:${name}\u0000`;
    }
    token += names[classOf[step.ordinal]!];
    if (token !== previous) signature += token;
    previous = token;
  }
  return signature;
}
