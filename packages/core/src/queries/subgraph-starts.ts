import { InvalidOptionError, NodeNotFoundError } from '../errors/errors.js';
import type { HeapGraph } from '../graph/heap-graph.js';
import type { ClassTable } from '../naming/class-names.js';
import type { SizeColumn } from '../algorithms/shallow-size.js';

/** Ordinals of the given object ids, in order, without repeats; an unknown id throws NodeNotFoundError. */
export function ordinalsOfIds(g: HeapGraph, ids: readonly number[]): number[] {
  const result: number[] = [];
  for (const id of ids) {
    const o = g.ordinalOfId(id);
    if (o < 0) throw new NodeNotFoundError(id);
    if (!result.includes(o)) result.push(o);
  }
  return result;
}

export interface ClassSampleSource {
  graph: HeapGraph;
  classes: ClassTable;
  retainedSize?: SizeColumn;
}

/**
 * Up to `count` instances of the class named `className` (as `summary` names classes; all
 * location-keyed classes of that name count), largest retained size first, so the sample shows
 * the instances that matter; ties go to the older object (lower ordinal).
 */
export function sampleClassInstances(source: ClassSampleSource, className: string, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new InvalidOptionError(`sample size must be an integer >= 1, got ${count}`);
  const { classes, graph: g } = source;
  const wanted = new Uint8Array(classes.names.length);
  let any = false;
  classes.names.forEach((name, i) => {
    if (name !== className) return;
    wanted[i] = 1;
    any = true;
  });
  if (!any) throw new InvalidOptionError(`no objects of class "${className}" in the snapshot${suggestion(classes, className)}`);
  const size = source.retainedSize ?? g.nodeSelfSize;
  const { classOf } = classes;
  // Keep the best `count` in a small sorted array: one pass, no per-node allocation.
  const best: number[] = [];
  const better = (a: number, b: number): boolean => size[a]! > size[b]! || (size[a] === size[b] && a < b);
  for (let o = 0; o < g.nodeCount; o++) {
    if (wanted[classOf[o]!] === 0) continue;
    if (best.length === count && !better(o, best[count - 1]!)) continue;
    let i = Math.min(best.length, count - 1);
    best[i] = o;
    while (i > 0 && better(o, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      best[--i] = o;
    }
  }
  return best;
}

/** ` (did you mean "Foo"?)` when a class differs only in case. */
function suggestion(classes: ClassTable, className: string): string {
  const lower = className.toLowerCase();
  const match = classes.names.find((name) => name.toLowerCase() === lower);
  return match ? ` (did you mean "${match}"?)` : '';
}
