import type { HeapAnalysis } from './analyze.js';
import type { PathStep } from './retainer-path.js';

/**
 * A path's shape, for clustering leaked objects held the same way: classes and edge names,
 * with array indices and ids left out (`leakedRequests[17]` and `leakedRequests[18]` match).
 */
export function pathSignature(analysis: HeapAnalysis, path: PathStep[]): string {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  let signature = '';
  for (const step of path) {
    if (step.edge >= 0) {
      const type = g.edgeType[step.edge];
      const raw = type === g.edgeTypeId.element || type === g.edgeTypeId.hidden ? '' : g.edgeName(step.edge);
      // Numeric names (hash table slots) and embedded ids vary per member; the shape does not.
      const name = /^\d*$/.test(raw) ? '[]' : raw.replace(/@\d+/g, '@');
      signature += `\u0000${type}:${name}\u0000`;
    }
    signature += names[classOf[step.ordinal]!];
  }
  return signature;
}
