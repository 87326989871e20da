import { HeapSnapshotError } from '../errors.js';
import type { RecordSink } from './number-array.js';
import type { SnapshotLayout } from './header.js';

const UINT32_MAX = 0xffffffff;

/** Columns of the node table, one entry per node ordinal. */
export interface NodeColumns {
  nodeType: Uint8Array;
  nodeNameIndex: Uint32Array;
  nodeId: Uint32Array;
  nodeSelfSize: Uint32Array | Float64Array;
  /** nodeCount + 1 entries: node o's edges are [firstEdgeIndex[o], firstEdgeIndex[o + 1]). */
  firstEdgeIndex: Uint32Array;
  /** Empty when the snapshot has no detachedness field. */
  detachedness: Uint8Array;
}

/** Splits node records into columns as they stream in, validating each field. */
export class NodeSink implements RecordSink {
  readonly columns: NodeColumns;
  ordinal = 0;
  /** Largest name string index seen and where, checked once the strings are known. */
  maxNameIndex = 0;
  maxNameOffset = 0;
  private edgeSum = 0;

  constructor(private readonly layout: SnapshotLayout, firstEdgeIndex?: Uint32Array) {
    const n = layout.header.node_count;
    // What the distance worker reads lives in shared memory (it costs the same as private memory).
    this.columns = {
      nodeType: new Uint8Array(new SharedArrayBuffer(n)),
      nodeNameIndex: new Uint32Array(new SharedArrayBuffer(n * 4)),
      nodeId: new Uint32Array(n),
      nodeSelfSize: new Uint32Array(n),
      firstEdgeIndex: firstEdgeIndex ?? new Uint32Array(new SharedArrayBuffer((n + 1) * 4)),
      detachedness: new Uint8Array(layout.nodeDetachednessOffset >= 0 ? n : 0),
    };
  }

  consume(values: Float64Array, offsets: Float64Array, count: number): number {
    const L = this.layout;
    const F = L.nodeFieldCount;
    const typeOff = L.nodeTypeOffset;
    const nameOff = L.nodeNameOffset;
    const idOff = L.nodeIdOffset;
    const selfOff = L.nodeSelfSizeOffset;
    const edgeCountOff = L.nodeEdgeCountOffset;
    const detOff = L.nodeDetachednessOffset;
    const typeCount = L.nodeTypes.length;
    const nodeCount = L.header.node_count;
    const edgeCount = L.header.edge_count;
    const { nodeType, nodeNameIndex, nodeId, firstEdgeIndex, detachedness } = this.columns;
    let selfSize = this.columns.nodeSelfSize;
    let ordinal = this.ordinal;
    let edgeSum = this.edgeSum;
    let k = 0;
    for (; k + F <= count; k += F) {
      if (ordinal >= nodeCount) this.failTooMany(offsets[k]!);
      const type = values[k + typeOff]!;
      if (type >= typeCount) this.failType(ordinal, type, offsets[k + typeOff]!);
      const name = values[k + nameOff]!;
      const id = values[k + idOff]!;
      const self = values[k + selfOff]!;
      const edges = values[k + edgeCountOff]!;
      if (name > UINT32_MAX || id > UINT32_MAX) this.failRange(ordinal, offsets[k]!);
      if (name > this.maxNameIndex) {
        this.maxNameIndex = name;
        this.maxNameOffset = offsets[k + nameOff]!;
      }
      // A self size past 4 GiB is legal (huge backing stores): widen the column once, when first seen.
      if (self > UINT32_MAX && selfSize instanceof Uint32Array) {
        selfSize = Float64Array.from(selfSize);
        this.columns.nodeSelfSize = selfSize;
      }
      nodeType[ordinal] = type;
      nodeNameIndex[ordinal] = name;
      nodeId[ordinal] = id;
      selfSize[ordinal] = self;
      edgeSum += edges;
      if (edgeSum > edgeCount) this.failEdgeSum(offsets[k + edgeCountOff]!);
      firstEdgeIndex[ordinal + 1] = edgeSum;
      if (detOff >= 0) detachedness[ordinal] = values[k + detOff]! & 3;
      ordinal++;
    }
    this.ordinal = ordinal;
    this.edgeSum = edgeSum;
    return k;
  }

  // Throws live outside consume(): template literals in the loop body slow every iteration.
  private failTooMany(offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds more than node_count (${this.layout.header.node_count}) nodes`, offset);
  }

  private failType(ordinal: number, type: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_TYPE', `node ${ordinal} has type ${type}, but meta.node_types lists ${this.layout.nodeTypes.length}`, offset);
  }

  private failRange(ordinal: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `node ${ordinal}: name or id out of range`, offset);
  }

  private failEdgeSum(offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `node edge counts add up to more than edge_count (${this.layout.header.edge_count})`, offset);
  }

  end(leftover: number, offset: number): void {
    const nodeCount = this.layout.header.node_count;
    if (leftover !== 0) {
      throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array ends in the middle of a node record`, offset);
    }
    if (this.ordinal !== nodeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds ${this.ordinal} nodes, header says node_count ${nodeCount}`, offset);
    }
    if (this.edgeSum !== this.layout.header.edge_count) {
      throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `node edge counts add up to ${this.edgeSum}, header says edge_count ${this.layout.header.edge_count}`, offset);
    }
  }
}
