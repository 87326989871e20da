import type { HeapGraph } from '../graph/heap-graph.js';
import { isUserRoot } from './page-objects.js';
import type { EphemeronNames } from './weakmap-edges.js';
import { takeFrom, type ScratchPool } from './scratch-pool.js';

/** Distance DevTools gives the root when user roots exist; system objects measure from there. */
export const BASE_SYSTEM_DISTANCE = 100_000_000;
export const NO_DISTANCE = -5;

/**
 * BFS distances as DevTools computes them: first from user roots (distance 1), then from the root
 * for whatever is left, weak edges skipped, plus DevTools' special cases (descriptor arrays,
 * sloppy_function_map, and WeakMap values reached through the later of their two edges).
 */
export function computeDistances(g: HeapGraph, ephemerons: EphemeronNames, pool?: ScratchPool): Int32Array {
  const n = g.nodeCount;
  const scratch = takeFrom(pool, n);
  const distances = new Int32Array(scratch.buffer, scratch.byteOffset, n).fill(NO_DISTANCE);
  const queue = takeFrom(pool, n);
  const root = g.rootOrdinal;
  let length = 0;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    const target = g.edgeToOrdinal[e]!;
    if (isUserRoot(g, target)) {
      distances[target] = 1;
      queue[length++] = target;
    }
  }
  const pending = new Set<string>();
  bfs(g, ephemerons, queue, length, distances, pending);
  distances[root] = length > 0 ? BASE_SYSTEM_DISTANCE : 0;
  queue[0] = root;
  bfs(g, ephemerons, queue, 1, distances, pending);
  pool?.give(queue);
  return distances;
}

function bfs(g: HeapGraph, ephemerons: EphemeronNames, queue: Uint32Array, length: number, distances: Int32Array, pending: Set<string>): void {
  const { firstEdgeIndex, edgeType, edgeToOrdinal, edgeNameOrIndex, nodeType, nodeNameIndex } = g;
  const { weak, internal } = g.edgeTypeId;
  const hiddenType = g.nodeTypeId.hidden;
  const arrayType = g.nodeTypeId.array;
  const nativeContextName = g.strings.indexOf('system / NativeContext');
  const mapDescriptorsName = g.strings.indexOf('(map descriptors)');
  const sloppyFunctionMap = g.strings.indexOf('sloppy_function_map');
  let head = 0;
  while (head < length) {
    const o = queue[head++]!;
    const distance = distances[o]! + 1;
    const type = nodeType[o];
    const isNativeContext = type === hiddenType && nodeNameIndex[o] === nativeContextName && nativeContextName >= 0;
    const isDescriptorArray = type === arrayType && nodeNameIndex[o] === mapDescriptorsName && mapDescriptorsName >= 0;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const et = edgeType[e];
      if (et === weak) continue;
      const target = edgeToOrdinal[e]!;
      if (distances[target] !== NO_DISTANCE) continue;
      if (!edgeFilter(g, o, e, et, isNativeContext, isDescriptorArray, sloppyFunctionMap, internal, edgeNameOrIndex, ephemerons, pending)) continue;
      distances[target] = distance;
      queue[length++] = target;
    }
  }
}

function edgeFilter(
  g: HeapGraph, _o: number, e: number, et: number, isNativeContext: boolean, isDescriptorArray: boolean,
  sloppyFunctionMap: number, internal: number, edgeNameOrIndex: Uint32Array, ephemerons: EphemeronNames, pending: Set<string>,
): boolean {
  const hasStringName = !g.edgeHasIndex(e);
  if (isNativeContext && hasStringName && edgeNameOrIndex[e] === sloppyFunctionMap) return false;
  if (isDescriptorArray) {
    // Descriptor arrays are shared between maps; only the header slots are real links (crbug.com/413608).
    const index = hasStringName ? parseInt(g.strings[edgeNameOrIndex[e]!]!, 10) : edgeNameOrIndex[e]!;
    return index < 2 || index % 3 !== 1;
  }
  if (et === internal) {
    const match = ephemerons.match(edgeNameOrIndex[e]!);
    if (match) {
      // A WeakMap value gets the distance through the second of its two edges (crbug.com/1290800).
      if (!pending.delete(match.duplicatedPart)) {
        pending.add(match.duplicatedPart);
        return false;
      }
    }
  }
  return true;
}
