import type { HeapGraph } from '../graph/heap-graph.js';
import { computeDistanceColumns, NO_DISTANCE, BASE_SYSTEM_DISTANCE, type DistanceInputs } from './distance-bfs.js';
import type { EphemeronNames } from './weakmap-edges.js';
import { takeFrom, type ScratchPool } from './scratch-pool.js';

export { BASE_SYSTEM_DISTANCE, NO_DISTANCE };

/** DevTools' distances (see distance-bfs.ts), computed on this thread. */
export function computeDistances(g: HeapGraph, ephemerons: EphemeronNames, pool?: ScratchPool): Int32Array {
  const scratch = takeFrom(pool, g.nodeCount);
  const distances = new Int32Array(scratch.buffer, scratch.byteOffset, g.nodeCount);
  const queue = takeFrom(pool, g.nodeCount);
  computeDistanceColumns(distanceInputs(g, ephemerons), distances, queue);
  pool?.give(queue);
  return distances;
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

/** The columns and string facts the distance BFS reads. */
export function distanceInputs(g: HeapGraph, ephemerons: EphemeronNames): DistanceInputs {
  const { strings } = g;
  const mapDescriptors = strings.indexOf('(map descriptors)');
  const numeric = descriptorEdgeNumbers(g, mapDescriptors);
  const { weak, internal, element, hidden } = g.edgeTypeId;
  return {
    nodeCount: g.nodeCount,
    rootOrdinal: g.rootOrdinal,
    firstEdgeIndex: g.firstEdgeIndex,
    edgeType: g.edgeType,
    edgeToOrdinal: g.edgeToOrdinal,
    edgeNameOrIndex: g.edgeNameOrIndex,
    nodeType: g.nodeType,
    nodeNameIndex: g.nodeNameIndex,
    edgeTypes: { weak, internal, element, hidden },
    nodeTypes: { hidden: g.nodeTypeId.hidden, array: g.nodeTypeId.array, synthetic: g.nodeTypeId.synthetic },
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
    ephemeronPartCount: ephemerons.partCount,
  };
}
