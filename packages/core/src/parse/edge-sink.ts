import { HeapSnapshotError } from '../errors.js';
import type { RecordSink } from './number-array.js';
import type { SnapshotLayout } from './header.js';

/** Columns of the edge table, one entry per edge index (edges grouped by source node). */
export interface EdgeColumns {
  edgeType: Uint8Array;
  /** A string index, or the element/hidden index for edges of those types. */
  edgeNameOrIndex: Uint32Array;
  /** Target node ordinal (the file's to_node divided by the node field count). */
  edgeToOrdinal: Uint32Array;
}

export class EdgeSink implements RecordSink {
  readonly columns: EdgeColumns;
  edge = 0;
  /** Largest string index used as an edge name and where, checked once the strings are known. */
  maxNameIndex = 0;
  maxNameOffset = 0;
  private readonly elementType: number;
  private readonly hiddenType: number;

  constructor(private readonly layout: SnapshotLayout) {
    const m = layout.header.edge_count;
    this.columns = {
      edgeType: new Uint8Array(m),
      edgeNameOrIndex: new Uint32Array(m),
      edgeToOrdinal: new Uint32Array(m),
    };
    this.elementType = layout.edgeTypes.indexOf('element');
    this.hiddenType = layout.edgeTypes.indexOf('hidden');
  }

  consume(values: Float64Array, offsets: Float64Array, count: number): number {
    const L = this.layout;
    const F = L.edgeFieldCount;
    const nodeFields = L.nodeFieldCount;
    const typeOff = L.edgeTypeOffset;
    const nameOff = L.edgeNameOffset;
    const toOff = L.edgeToNodeOffset;
    const typeCount = L.edgeTypes.length;
    const nodeCount = L.header.node_count;
    const edgeCount = L.header.edge_count;
    const elementType = this.elementType;
    const hiddenType = this.hiddenType;
    const { edgeType, edgeNameOrIndex, edgeToOrdinal } = this.columns;
    let edge = this.edge;
    let k = 0;
    for (; k + F <= count; k += F) {
      if (edge >= edgeCount) {
        throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array holds more than edge_count (${edgeCount}) edges`, offsets[k]!);
      }
      const type = values[k + typeOff]!;
      if (type >= typeCount) {
        throw new HeapSnapshotError('E_SNAPSHOT_TYPE', `edge ${edge} has type ${type}, but meta.edge_types lists ${typeCount}`, offsets[k + typeOff]!);
      }
      const name = values[k + nameOff]!;
      if (name > 0xffffffff) {
        throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `edge ${edge}: name_or_index out of range`, offsets[k + nameOff]!);
      }
      if (type !== elementType && type !== hiddenType && name > this.maxNameIndex) {
        this.maxNameIndex = name;
        this.maxNameOffset = offsets[k + nameOff]!;
      }
      const to = values[k + toOff]!;
      const target = Math.floor(to / nodeFields);
      if (target * nodeFields !== to || target >= nodeCount) {
        const why = target * nodeFields !== to ? `not a multiple of the node field count ${nodeFields}` : `beyond the last node`;
        throw new HeapSnapshotError('E_SNAPSHOT_EDGE_TARGET', `edge ${edge}: to_node ${to} is ${why}`, offsets[k + toOff]!);
      }
      edgeType[edge] = type;
      edgeNameOrIndex[edge] = name;
      edgeToOrdinal[edge] = target;
      edge++;
    }
    this.edge = edge;
    return k;
  }

  end(leftover: number, offset: number): void {
    const edgeCount = this.layout.header.edge_count;
    if (leftover !== 0) {
      throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array ends in the middle of an edge record`, offset);
    }
    if (this.edge !== edgeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array holds ${this.edge} edges, header says edge_count ${edgeCount}`, offset);
    }
  }
}
