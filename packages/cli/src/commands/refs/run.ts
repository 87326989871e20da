import { runObjectGraph, type ObjectGraphArgs } from '../../drawings/object-graph.js';

/** `heapdiff refs`: what the start objects hold on to. */
export function runRefs(args: ObjectGraphArgs): Promise<number> {
  return runObjectGraph('refs', args);
}
