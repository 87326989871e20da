// DevTools' distances over plain columns: the same code runs on the main thread and on a worker.
import type { GraphColumns } from '../graph/column-view.js';
import { ephemeronEntry, findSorted, type StringFacts } from './string-facts.js';
import { isUserRootColumn } from './page-objects.js';

/** Distance DevTools gives the root when user roots exist; system objects measure from there. */
export const BASE_SYSTEM_DISTANCE = 100_000_000;
export const NO_DISTANCE = -5;

/**
 * BFS distances as DevTools computes them: first from user roots (distance 1), then from the root
 * for whatever is left, weak edges skipped, plus DevTools' special cases (descriptor arrays,
 * sloppy_function_map, and WeakMap values reached through the later of their two edges).
 * `distances` and `queue` hold nodeCount entries; `distances` gets the result.
 */
export function computeDistanceColumns(g: GraphColumns, facts: StringFacts, distances: Int32Array, queue: Uint32Array): void {
  distances.fill(NO_DISTANCE);
  const root = g.rootOrdinal;
  let length = 0;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    const target = g.edgeToOrdinal[e]!;
    if (isUserRootColumn(g, facts, target)) {
      distances[target] = 1;
      queue[length++] = target;
    }
  }
  // A duplicated part's first edge is put off: the value gets its distance through the second.
  const pending = new Uint8Array(facts.ephemeronPartCount);
  bfs(g, facts, queue, length, distances, pending);
  distances[root] = length > 0 ? BASE_SYSTEM_DISTANCE : 0;
  queue[0] = root;
  bfs(g, facts, queue, 1, distances, pending);
}

function bfs(g: GraphColumns, facts: StringFacts, queue: Uint32Array, length: number, distances: Int32Array, pending: Uint8Array): void {
  const { firstEdgeIndex, edgeType, edgeToOrdinal, nodeType, nodeNameIndex } = g;
  const { weak } = g.edgeTypeId;
  const { nativeContext, mapDescriptors } = facts.names;
  let head = 0;
  while (head < length) {
    const o = queue[head++]!;
    const distance = distances[o]! + 1;
    const type = nodeType[o];
    const isNativeContext = type === g.nodeTypeId.hidden && nativeContext >= 0 && nodeNameIndex[o] === nativeContext;
    const isDescriptorArray = type === g.nodeTypeId.array && mapDescriptors >= 0 && nodeNameIndex[o] === mapDescriptors;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const et = edgeType[e]!;
      if (et === weak) continue;
      const target = edgeToOrdinal[e]!;
      if (distances[target] !== NO_DISTANCE) continue;
      if (!edgeFilter(g, facts, e, et, isNativeContext, isDescriptorArray, pending)) continue;
      distances[target] = distance;
      queue[length++] = target;
    }
  }
}

function edgeFilter(g: GraphColumns, facts: StringFacts, e: number, et: number, isNativeContext: boolean, isDescriptorArray: boolean, pending: Uint8Array): boolean {
  const hasStringName = et !== g.edgeTypeId.element && et !== g.edgeTypeId.hidden;
  const name = g.edgeNameOrIndex[e]!;
  if (isNativeContext && hasStringName && name === facts.names.sloppyFunctionMap) return false;
  if (isDescriptorArray) {
    // Descriptor arrays are shared between maps; only the header slots are real links (crbug.com/413608).
    let index = name;
    if (hasStringName) {
      const at = findSorted(facts.numericNameIndex, name);
      index = at < 0 ? NaN : facts.numericNameValue[at]!;
    }
    return index < 2 || index % 3 !== 1;
  }
  if (et === g.edgeTypeId.internal) {
    const at = ephemeronEntry(facts, name);
    if (at >= 0) {
      // A WeakMap value gets the distance through the second of its two edges (crbug.com/1290800).
      const part = facts.ephemeronPartId[at]!;
      pending[part] ^= 1;
      if (pending[part] === 1) return false;
    }
  }
  return true;
}
