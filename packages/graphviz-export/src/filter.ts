import { bfsFromNode } from 'graphology-traversal';
import type { HeapSubgraph } from './attributes.js';
import { nodeLabelText } from './labels.js';

/** `pattern.test` without the statefulness of /g and /y. */
export function matcher(pattern: RegExp): (text: string) => boolean {
  const plain = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return (text) => plain.test(text);
}

/**
 * objgraph's `filter`: drops the nodes whose label does not match, and with them everything that
 * was only reachable through them. Start objects always stay. Returns a new graph.
 */
export function filterGraphByLabel(graph: HeapSubgraph, pattern: RegExp): HeapSubgraph {
  const matches = matcher(pattern);
  const result = graph.copy();
  const unmatched = result.filterNodes((_, attrs) => !attrs.start && !matches(nodeLabelText(attrs)));
  for (const key of unmatched) result.dropNode(key);
  // What is left but no longer connected to a start object (in walk direction) lay behind a dropped node.
  const mode = result.getAttribute('direction') === 'retainers' ? 'in' : 'out';
  const reached = new Set<string>();
  result.forEachNode((key, attrs) => {
    if (!attrs.start) return;
    bfsFromNode(result, key, (node) => {
      if (reached.has(node)) return true;
      reached.add(node);
      return false;
    }, { mode });
  });
  for (const key of result.filterNodes((node) => !reached.has(node))) result.dropNode(key);
  return result;
}
