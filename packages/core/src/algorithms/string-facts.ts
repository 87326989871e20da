// The few facts about strings that analysis steps need, worked out once on the main thread: steps
// that run on a worker read only columns (graph/column-view.ts) and these, since a worker has no strings.
import type { HeapGraph } from '../graph/heap-graph.js';
import type { EphemeronNames } from './weakmap-edges.js';

export interface StringFacts {
  /** String indices of the names DevTools tests for (-1 when absent). */
  names: { nativeContext: number; mapDescriptors: number; sloppyFunctionMap: number; documentDomTrees: number };
  /** `parseInt(name, 10)` (maybe NaN) of descriptor-array edge names, by ascending string index. */
  numericNameIndex: Uint32Array;
  numericNameValue: Float64Array;
  /** Ephemeron edge names by ascending string index; per entry its duplicated part and WeakMap table id. */
  ephemeronNameIndex: Uint32Array;
  ephemeronPartId: Uint32Array;
  ephemeronTableId: Float64Array;
  ephemeronPartCount: number;
  /** One bit per string, set for ephemeron names: most internal edges are ruled out by one load. */
  ephemeronBits: Uint32Array;
}

/** Where `key` sits in an ascending array, or -1. */
export function findSorted(sorted: Uint32Array, key: number): number {
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

/** The ephemeron entry of an edge name, or -1. */
export function ephemeronEntry(facts: StringFacts, nameIndex: number): number {
  if ((facts.ephemeronBits[nameIndex >>> 5]! & (1 << (nameIndex & 31))) === 0) return -1;
  return findSorted(facts.ephemeronNameIndex, nameIndex);
}

/**
 * parseInt of the string names of descriptor-array edges: the only names the BFS reads as numbers.
 * Collected from those arrays' edges rather than from all strings, which may hold millions.
 */
function descriptorEdgeNumbers(g: HeapGraph, mapDescriptors: number): { index: Uint32Array; value: Float64Array } {
  const names = new Set<number>();
  if (mapDescriptors >= 0) {
    const { nodeType, nodeNameIndex, firstEdgeIndex, edgeNameOrIndex } = g;
    const array = g.nodeTypeId.array;
    for (let o = 0; o < g.nodeCount; o++) {
      if (nodeType[o] !== array || nodeNameIndex[o] !== mapDescriptors) continue;
      for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
        if (!g.edgeHasIndex(e)) names.add(edgeNameOrIndex[e]!);
      }
    }
  }
  const index = Uint32Array.from(names).sort();
  return { index, value: Float64Array.from(index, (i) => parseInt(g.strings[i]!, 10)) };
}

export function stringFacts(g: HeapGraph, ephemerons: EphemeronNames): StringFacts {
  const { strings } = g;
  const mapDescriptors = strings.indexOf('(map descriptors)');
  const numeric = descriptorEdgeNumbers(g, mapDescriptors);
  return {
    names: {
      nativeContext: strings.indexOf('system / NativeContext'),
      mapDescriptors,
      sloppyFunctionMap: strings.indexOf('sloppy_function_map'),
      documentDomTrees: strings.indexOf('(Document DOM trees)'),
    },
    numericNameIndex: numeric.index,
    numericNameValue: numeric.value,
    ephemeronNameIndex: ephemerons.nameIndex,
    ephemeronPartId: ephemerons.partId,
    ephemeronTableId: ephemerons.tableId,
    ephemeronPartCount: ephemerons.partCount,
    ephemeronBits: ephemerons.bits,
  };
}

/** The same facts in shared memory, for a worker (they are small). */
export function sharedFacts(facts: StringFacts): StringFacts {
  return {
    ...facts,
    numericNameIndex: shared(facts.numericNameIndex),
    numericNameValue: shared(facts.numericNameValue),
    ephemeronNameIndex: shared(facts.ephemeronNameIndex),
    ephemeronPartId: shared(facts.ephemeronPartId),
    ephemeronTableId: shared(facts.ephemeronTableId),
    ephemeronBits: shared(facts.ephemeronBits),
  };
}

function shared<T extends Uint32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(Math.max(a.byteLength, 8)));
  copy.set(a as never);
  return copy.subarray(0, a.length) as T;
}
