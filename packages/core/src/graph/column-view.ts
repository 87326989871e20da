// The columns analysis steps read, as a plain object of typed arrays: HeapGraph has them under the
// same names, and a worker can receive them (they are all in shared memory once loaded).
import type { HeapGraph } from './heap-graph.js';

export interface GraphColumns {
  nodeCount: number;
  edgeCount: number;
  rootOrdinal: number;
  firstEdgeIndex: Uint32Array;
  edgeType: Uint8Array;
  edgeToOrdinal: Uint32Array;
  edgeNameOrIndex: Uint32Array;
  nodeType: Uint8Array;
  nodeNameIndex: Uint32Array;
  nodeId: Uint32Array;
  nodeTypeId: { hidden: number; array: number; synthetic: number };
  edgeTypeId: { weak: number; internal: number; element: number; hidden: number; shortcut: number };
}

/** The columns of a graph, as a plain object a worker can receive (they are all shared). */
export function columnsOf(g: HeapGraph): GraphColumns {
  const { hidden, array, synthetic } = g.nodeTypeId;
  const { weak, internal, element, hidden: hiddenEdge, shortcut } = g.edgeTypeId;
  return {
    nodeCount: g.nodeCount,
    edgeCount: g.edgeCount,
    rootOrdinal: g.rootOrdinal,
    firstEdgeIndex: g.firstEdgeIndex,
    edgeType: g.edgeType,
    edgeToOrdinal: g.edgeToOrdinal,
    edgeNameOrIndex: g.edgeNameOrIndex,
    nodeType: g.nodeType,
    nodeNameIndex: g.nodeNameIndex,
    nodeId: g.nodeId,
    nodeTypeId: { hidden, array, synthetic },
    edgeTypeId: { weak, internal, element, hidden: hiddenEdge, shortcut },
  };
}
