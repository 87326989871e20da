import { HeapSnapshotError } from '../errors.js';
import type { RecordSink } from './number-array.js';
import type { SnapshotLayout } from './header.js';

/** Constructor/function source positions, one row per located node (0-based line/column). */
export interface LocationColumns {
  count: number;
  ordinal: Uint32Array;
  scriptId: Uint32Array;
  line: Uint32Array;
  column: Uint32Array;
}

/** The locations array has no count in the header, so its columns grow by doubling. */
export class LocationSink implements RecordSink {
  readonly columns: LocationColumns = {
    count: 0,
    ordinal: new Uint32Array(1024),
    scriptId: new Uint32Array(1024),
    line: new Uint32Array(1024),
    column: new Uint32Array(1024),
  };

  constructor(private readonly layout: SnapshotLayout) {}

  consume(values: Float64Array, offsets: Float64Array, count: number): number {
    const L = this.layout;
    const F = L.locationFieldCount;
    const nodeFields = L.nodeFieldCount;
    const nodeCount = L.header.node_count;
    const c = this.columns;
    let k = 0;
    for (; k + F <= count; k += F) {
      if (c.count === c.ordinal.length) this.grow();
      const index = values[k + L.locationObjectIndexOffset]!;
      const ordinal = Math.floor(index / nodeFields);
      if (ordinal * nodeFields !== index || ordinal >= nodeCount) {
        throw new HeapSnapshotError('E_SNAPSHOT_EDGE_TARGET', `location ${c.count}: object_index ${index} is not a node index`, offsets[k]!);
      }
      const script = values[k + L.locationScriptIdOffset]!;
      const line = values[k + L.locationLineOffset]!;
      const column = values[k + L.locationColumnOffset]!;
      if (script > 0xffffffff || line > 0xffffffff || column > 0xffffffff) {
        throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `location ${c.count}: value out of range`, offsets[k]!);
      }
      c.ordinal[c.count] = ordinal;
      c.scriptId[c.count] = script;
      c.line[c.count] = line;
      c.column[c.count] = column;
      c.count++;
    }
    return k;
  }

  end(leftover: number, offset: number): void {
    if (leftover !== 0) {
      throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `locations array ends in the middle of a record`, offset);
    }
  }

  private grow(): void {
    const c = this.columns;
    const size = c.ordinal.length * 2;
    for (const key of ['ordinal', 'scriptId', 'line', 'column'] as const) {
      const next = new Uint32Array(size);
      next.set(c[key]);
      c[key] = next;
    }
  }
}
