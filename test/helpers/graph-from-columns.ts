// A HeapGraph straight from typed arrays, without a file: for graphs too big to write as JSON in a
// test (a 10M-node chain) and for thousands of small random graphs. Layout as Node 20 writes it.
import { HeapGraph } from '@heapdiff/core';
import { EDGE_TYPES, NODE_TYPES } from './tiny-snapshot.js';

export interface GraphColumns {
  strings: string[];
  /** Per node: index into NODE_TYPES. */
  nodeType: Uint8Array;
  nodeNameIndex: Uint32Array;
  nodeId: Uint32Array;
  nodeSelfSize: Uint32Array;
  /** nodeCount + 1 entries (CSR). */
  firstEdgeIndex: Uint32Array;
  /** Per edge: index into EDGE_TYPES. */
  edgeType: Uint8Array;
  edgeNameOrIndex: Uint32Array;
  edgeToOrdinal: Uint32Array;
  rootOrdinal?: number;
}

export function graphFromColumns(c: GraphColumns): HeapGraph {
  return new HeapGraph({
    nodeTypes: [...NODE_TYPES],
    edgeTypes: [...EDGE_TYPES],
    strings: c.strings,
    nodes: {
      nodeType: c.nodeType,
      nodeNameIndex: c.nodeNameIndex,
      nodeId: c.nodeId,
      nodeSelfSize: c.nodeSelfSize,
      firstEdgeIndex: c.firstEdgeIndex,
      detachedness: new Uint8Array(0),
    },
    edges: { edgeType: c.edgeType, edgeNameOrIndex: c.edgeNameOrIndex, edgeToOrdinal: c.edgeToOrdinal },
    rootOrdinal: c.rootOrdinal ?? 0,
  });
}

/**
 * The simplest heap a leak can be: the synthetic root holds the first `Item` through a shortcut
 * (so it is a global object, a user root), and every `Item` holds the next one through `.next`:
 * a chain of `length` objects of 32 bytes, ids 3, 5, 7... (the root is @1).
 */
export function linkedListGraph(length: number): HeapGraph {
  const nodeCount = length + 1;
  const strings = ['<dummy>', '', 'Item', 'head', 'next'];
  const nodeType = new Uint8Array(nodeCount).fill(NODE_TYPES.indexOf('object'));
  nodeType[0] = NODE_TYPES.indexOf('synthetic');
  const nodeNameIndex = new Uint32Array(nodeCount).fill(2);
  nodeNameIndex[0] = 1;
  const nodeId = new Uint32Array(nodeCount);
  const nodeSelfSize = new Uint32Array(nodeCount).fill(32);
  nodeSelfSize[0] = 0;
  const firstEdgeIndex = new Uint32Array(nodeCount + 1);
  const edgeCount = nodeCount - 1;
  const edgeType = new Uint8Array(edgeCount).fill(EDGE_TYPES.indexOf('property'));
  edgeType[0] = EDGE_TYPES.indexOf('shortcut');
  const edgeNameOrIndex = new Uint32Array(edgeCount).fill(4);
  edgeNameOrIndex[0] = 3;
  const edgeToOrdinal = new Uint32Array(edgeCount);
  for (let o = 0; o < nodeCount; o++) {
    nodeId[o] = 2 * o + 1;
    // Every node but the last has one edge, to the next node.
    firstEdgeIndex[o + 1] = Math.min(o + 1, edgeCount);
    if (o < edgeCount) edgeToOrdinal[o] = o + 1;
  }
  return graphFromColumns({ strings, nodeType, nodeNameIndex, nodeId, nodeSelfSize, firstEdgeIndex, edgeType, edgeNameOrIndex, edgeToOrdinal });
}

/**
 * Objects that only native code holds, one per link of a long chain of V8-internal (hidden) nodes
 * under `(Global handles)`: every `Foo` is an orphan of its own, `length` steps deep at most.
 * Next to the root's global object, so the handles count as system roots (DevTools distances).
 */
export function orphanChainGraph(length: number): HeapGraph {
  // 0 root, 1 (GC roots), 2 (Global handles), 3 global; link i: hidden 4 + 2i, Foo 5 + 2i.
  const nodeCount = 4 + 2 * length;
  const strings = ['<dummy>', '', '(GC roots)', '(Global handles)', 'global', 'system / Link', 'Foo', 'next', 'held'];
  const type = (name: string): number => NODE_TYPES.indexOf(name);
  const edge = (name: string): number => EDGE_TYPES.indexOf(name);
  const nodeType = new Uint8Array(nodeCount);
  const nodeNameIndex = new Uint32Array(nodeCount);
  const nodeId = new Uint32Array(nodeCount);
  const nodeSelfSize = new Uint32Array(nodeCount).fill(16);
  const firstEdgeIndex = new Uint32Array(nodeCount + 1);
  const edgeCount = 3 + 2 * length;
  const edgeType = new Uint8Array(edgeCount);
  const edgeNameOrIndex = new Uint32Array(edgeCount);
  const edgeToOrdinal = new Uint32Array(edgeCount);
  let e = 0;
  const add = (from: number, t: string, name: number, to: number): void => {
    edgeType[e] = edge(t);
    edgeNameOrIndex[e] = name;
    edgeToOrdinal[e++] = to;
    firstEdgeIndex[from + 1]!++;
  };
  [type('synthetic'), type('synthetic'), type('synthetic'), type('object')].forEach((t, o) => { nodeType[o] = t; nodeNameIndex[o] = o + 1; });
  add(0, 'shortcut', 4, 3);
  add(0, 'element', 1, 1);
  add(1, 'element', 1, 2);
  add(2, 'element', 1, 4);
  for (let i = 0; i < length; i++) {
    const link = 4 + 2 * i;
    nodeType[link] = type('hidden');
    nodeNameIndex[link] = 5;
    nodeType[link + 1] = type('object');
    nodeNameIndex[link + 1] = 6;
    if (i + 1 < length) add(link, 'internal', 7, link + 2);
    add(link, 'internal', 8, link + 1);
  }
  for (let o = 0; o < nodeCount; o++) {
    nodeId[o] = 2 * o + 1;
    firstEdgeIndex[o + 1]! += firstEdgeIndex[o]!;
  }
  return graphFromColumns({ strings, nodeType, nodeNameIndex, nodeId, nodeSelfSize, firstEdgeIndex, edgeType, edgeNameOrIndex, edgeToOrdinal });
}
