// DevTools' distances over plain columns, with the few facts that need strings worked out
// beforehand: the same code runs on the main thread and in the distance worker (no strings there).

/** Distance DevTools gives the root when user roots exist; system objects measure from there. */
export const BASE_SYSTEM_DISTANCE = 100_000_000;
export const NO_DISTANCE = -5;

export interface DistanceInputs {
  nodeCount: number;
  rootOrdinal: number;
  firstEdgeIndex: Uint32Array;
  edgeType: Uint8Array;
  edgeToOrdinal: Uint32Array;
  edgeNameOrIndex: Uint32Array;
  nodeType: Uint8Array;
  nodeNameIndex: Uint32Array;
  edgeTypes: { weak: number; internal: number; element: number; hidden: number };
  nodeTypes: { hidden: number; array: number; synthetic: number };
  /** String indices of the names DevTools tests for (-1 when absent). */
  names: { nativeContext: number; mapDescriptors: number; sloppyFunctionMap: number; documentDomTrees: number };
  /** `parseInt(name, 10)` (maybe NaN) of descriptor-array edge names, by ascending string index. */
  numericNameIndex: Uint32Array;
  numericNameValue: Float64Array;
  /** Ephemeron edge names by ascending string index, and the id of each one's duplicated part. */
  ephemeronNameIndex: Uint32Array;
  ephemeronPartId: Uint32Array;
  ephemeronPartCount: number;
}

/** Where `key` sits in an ascending array, or -1. */
function findSorted(sorted: Uint32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** DevTools' user roots: non-synthetic children of the root, and `(Document DOM trees)`. */
function isUserRoot(d: DistanceInputs, ordinal: number): boolean {
  return d.nodeType[ordinal] !== d.nodeTypes.synthetic || (d.names.documentDomTrees >= 0 && d.nodeNameIndex[ordinal] === d.names.documentDomTrees);
}

/**
 * BFS distances as DevTools computes them: first from user roots (distance 1), then from the root
 * for whatever is left, weak edges skipped, plus DevTools' special cases (descriptor arrays,
 * sloppy_function_map, and WeakMap values reached through the later of their two edges).
 * `distances` and `queue` hold nodeCount entries; `distances` gets the result.
 */
export function computeDistanceColumns(d: DistanceInputs, distances: Int32Array, queue: Uint32Array): void {
  distances.fill(NO_DISTANCE);
  const root = d.rootOrdinal;
  let length = 0;
  for (let e = d.firstEdgeIndex[root]!, end = d.firstEdgeIndex[root + 1]!; e < end; e++) {
    const target = d.edgeToOrdinal[e]!;
    if (isUserRoot(d, target)) {
      distances[target] = 1;
      queue[length++] = target;
    }
  }
  // A duplicated part's first edge is put off: the value gets its distance through the second.
  const pending = new Uint8Array(d.ephemeronPartCount);
  bfs(d, queue, length, distances, pending);
  distances[root] = length > 0 ? BASE_SYSTEM_DISTANCE : 0;
  queue[0] = root;
  bfs(d, queue, 1, distances, pending);
}

function bfs(d: DistanceInputs, queue: Uint32Array, length: number, distances: Int32Array, pending: Uint8Array): void {
  const { firstEdgeIndex, edgeType, edgeToOrdinal, nodeType, nodeNameIndex } = d;
  const { weak } = d.edgeTypes;
  const { nativeContext, mapDescriptors } = d.names;
  let head = 0;
  while (head < length) {
    const o = queue[head++]!;
    const distance = distances[o]! + 1;
    const type = nodeType[o];
    const isNativeContext = type === d.nodeTypes.hidden && nativeContext >= 0 && nodeNameIndex[o] === nativeContext;
    const isDescriptorArray = type === d.nodeTypes.array && mapDescriptors >= 0 && nodeNameIndex[o] === mapDescriptors;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      const et = edgeType[e]!;
      if (et === weak) continue;
      const target = edgeToOrdinal[e]!;
      if (distances[target] !== NO_DISTANCE) continue;
      if (!edgeFilter(d, e, et, isNativeContext, isDescriptorArray, pending)) continue;
      distances[target] = distance;
      queue[length++] = target;
    }
  }
}

function edgeFilter(d: DistanceInputs, e: number, et: number, isNativeContext: boolean, isDescriptorArray: boolean, pending: Uint8Array): boolean {
  const hasStringName = et !== d.edgeTypes.element && et !== d.edgeTypes.hidden;
  const name = d.edgeNameOrIndex[e]!;
  if (isNativeContext && hasStringName && name === d.names.sloppyFunctionMap) return false;
  if (isDescriptorArray) {
    // Descriptor arrays are shared between maps; only the header slots are real links (crbug.com/413608).
    let index = name;
    if (hasStringName) {
      const at = findSorted(d.numericNameIndex, name);
      index = at < 0 ? NaN : d.numericNameValue[at]!;
    }
    return index < 2 || index % 3 !== 1;
  }
  if (et === d.edgeTypes.internal && d.ephemeronNameIndex.length > 0) {
    const at = findSorted(d.ephemeronNameIndex, name);
    if (at >= 0) {
      // A WeakMap value gets the distance through the second of its two edges (crbug.com/1290800).
      const part = d.ephemeronPartId[at]!;
      pending[part] ^= 1;
      if (pending[part] === 1) return false;
    }
  }
  return true;
}
