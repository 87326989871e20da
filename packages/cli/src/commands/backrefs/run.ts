import { runObjectGraph, type ObjectGraphArgs } from '../../drawings/object-graph.js';

/** `heapdiff backrefs`: who keeps the start objects alive. */
export function runBackrefs(args: ObjectGraphArgs): Promise<number> {
  return runObjectGraph('backrefs', args);
}
