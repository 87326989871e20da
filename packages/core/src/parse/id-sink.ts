import { HeapSnapshotError } from '../errors.js';
import type { SnapshotLayout } from './header.js';
import type { RecordSink } from './number-array.js';

/** Keeps only node ids: what a baseline snapshot is needed for. */
export class IdSink implements RecordSink {
  readonly ids: Uint32Array;
  ordinal = 0;

  constructor(private readonly layout: SnapshotLayout) {
    this.ids = new Uint32Array(layout.header.node_count);
  }

  consume(values: Float64Array, offsets: Float64Array, count: number): number {
    const F = this.layout.nodeFieldCount;
    const idOff = this.layout.nodeIdOffset;
    const nodeCount = this.layout.header.node_count;
    const ids = this.ids;
    let k = 0;
    for (; k + F <= count; k += F) {
      const id = values[k + idOff]!;
      if (this.ordinal >= nodeCount) {
        throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds more than node_count (${nodeCount}) nodes`, offsets[k]!);
      }
      if (id > 0xffffffff) throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `node ${this.ordinal}: id out of range`, offsets[k + idOff]!);
      ids[this.ordinal++] = id;
    }
    return k;
  }

  end(leftover: number, offset: number): void {
    const nodeCount = this.layout.header.node_count;
    if (leftover !== 0) throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array ends in the middle of a node record`, offset);
    if (this.ordinal !== nodeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds ${this.ordinal} nodes, header says node_count ${nodeCount}`, offset);
    }
  }
}
