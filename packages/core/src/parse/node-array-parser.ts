import { HeapSnapshotError } from '../errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9 } from './bytes.js';
import type { SnapshotLayout } from './header.js';
import {
  AFTER_COMMA, AFTER_NUMBER, EXPECT_FIRST, IN_NUMBER, MISSING_COMMA, TOO_LARGE, TRAILING_COMMA, UNEXPECTED_COMMA,
  UINT32_MAX, badByteError, numberError, syntaxError,
} from './number-grammar.js';


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

/** Parses the nodes array into columns as it streams in, validating each field. */
export class NodeArrayParser {
  readonly columns: NodeColumns;
  done = false;
  private state = EXPECT_FIRST;
  private acc = 0;
  ordinal = 0;
  /** Largest name string index seen and where, checked once the strings are known. */
  maxNameIndex = 0;
  maxNameOffset = 0;
  private edgeSum = 0;
  private field = 0;
  /** Where the current record's first number ended (range errors point there). */
  private recordOffset = 0;
  private readonly fieldCount: number;
  private readonly typeOff: number;
  private readonly nameOff: number;
  private readonly idOff: number;
  private readonly selfOff: number;
  private readonly edgeCountOff: number;
  private readonly detOff: number;
  private readonly typeCount: number;
  private readonly nodeCount: number;
  private readonly edgeCount: number;
  // The columns again as fields: onNumber runs once per number.
  private readonly nodeType: Uint8Array;
  private readonly nodeNameIndex: Uint32Array;
  private readonly nodeId: Uint32Array;
  private selfSize: Uint32Array | Float64Array;
  private readonly firstEdgeIndex: Uint32Array;
  private readonly detachedness: Uint8Array;

  constructor(private readonly layout: SnapshotLayout, firstEdgeIndex?: Uint32Array) {
    const n = layout.header.node_count;
    // What the distance worker reads lives in shared memory (it costs the same as private memory).
    this.columns = {
      nodeType: new Uint8Array(new SharedArrayBuffer(n)),
      nodeNameIndex: new Uint32Array(new SharedArrayBuffer(n * 4)),
      nodeId: new Uint32Array(new SharedArrayBuffer(n * 4)),
      nodeSelfSize: new Uint32Array(n),
      firstEdgeIndex: firstEdgeIndex ?? new Uint32Array(new SharedArrayBuffer((n + 1) * 4)),
      detachedness: new Uint8Array(layout.nodeDetachednessOffset >= 0 ? n : 0),
    };
    ({ nodeType: this.nodeType, nodeNameIndex: this.nodeNameIndex, nodeId: this.nodeId, nodeSelfSize: this.selfSize,
      firstEdgeIndex: this.firstEdgeIndex, detachedness: this.detachedness } = this.columns);
    this.fieldCount = layout.nodeFieldCount;
    this.typeOff = layout.nodeTypeOffset;
    this.nameOff = layout.nodeNameOffset;
    this.idOff = layout.nodeIdOffset;
    this.selfOff = layout.nodeSelfSizeOffset;
    this.edgeCountOff = layout.nodeEdgeCountOffset;
    this.detOff = layout.nodeDetachednessOffset;
    this.typeCount = layout.nodeTypes.length;
    this.nodeCount = n;
    this.edgeCount = layout.header.edge_count;
  }

  /** Parses from `start`; returns the position after the closing ']' or `end` if it needs more input. */
  write(buf: Uint8Array, start: number, end: number, base: number): number {
    const fieldCount = this.fieldCount;
    const typeOff = this.typeOff;
    const nameOff = this.nameOff;
    const idOff = this.idOff;
    const selfOff = this.selfOff;
    const edgeCountOff = this.edgeCountOff;
    const detOff = this.detOff;
    const typeCount = this.typeCount;
    const nodeCount = this.nodeCount;
    const edgeCount = this.edgeCount;
    const { nodeType, nodeNameIndex, nodeId, firstEdgeIndex, detachedness } = this;
    let selfSize = this.selfSize;
    let state = this.state;
    let acc = this.acc;
    let field = this.field;
    let ordinal = this.ordinal;
    let edgeSum = this.edgeSum;
    let recordOffset = this.recordOffset;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    let i = start;
    while (i < end) {
      let c = buf[i]!;
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (state === AFTER_NUMBER) syntaxError('nodes', base + i, MISSING_COMMA);
        acc = acc * 10 + (c - DIGIT_0);
        i++;
        while (i < end) {
          c = buf[i]!;
          if (c < DIGIT_0 || c > DIGIT_9) break;
          acc = acc * 10 + (c - DIGIT_0);
          i++;
        }
        state = IN_NUMBER;
        if (i === end) break;
      }
      if (state === IN_NUMBER) {
        const offset = base + i;
        if (acc > Number.MAX_SAFE_INTEGER) numberError('nodes', offset, TOO_LARGE);
        if (field === 0) {
          if (ordinal >= nodeCount) this.failTooMany(offset);
          recordOffset = offset;
        }
        if (field === typeOff) {
          if (acc >= typeCount) this.failType(ordinal, acc, offset);
          nodeType[ordinal] = acc;
        } else if (field === nameOff) {
          if (acc > UINT32_MAX) this.failRange(ordinal, recordOffset);
          nodeNameIndex[ordinal] = acc;
          if (acc > maxName) {
            maxName = acc;
            maxNameOffset = offset;
          }
        } else if (field === idOff) {
          if (acc > UINT32_MAX) this.failRange(ordinal, recordOffset);
          nodeId[ordinal] = acc;
        } else if (field === selfOff) {
          // A self size past 4 GiB is legal (huge backing stores): widen the column once, when first seen.
          if (acc > UINT32_MAX && selfSize instanceof Uint32Array) selfSize = this.widenSelfSize();
          selfSize[ordinal] = acc;
        } else if (field === edgeCountOff) {
          edgeSum += acc;
          if (edgeSum > edgeCount) this.failEdgeSum(offset);
          firstEdgeIndex[ordinal + 1] = edgeSum;
        } else if (field === detOff) {
          detachedness[ordinal] = acc & 3;
        }
        if (++field === fieldCount) {
          field = 0;
          ordinal++;
        }
        acc = 0;
        state = AFTER_NUMBER;
      }
      if (c === COMMA) {
        if (state !== AFTER_NUMBER) syntaxError('nodes', base + i, UNEXPECTED_COMMA);
        state = AFTER_COMMA;
      } else if (c === CLOSE_BRACKET) {
        if (state === AFTER_COMMA) syntaxError('nodes', base + i, TRAILING_COMMA);
        this.field = field;
        this.ordinal = ordinal;
        this.edgeSum = edgeSum;
        this.onEnd(base + i);
        this.done = true;
        i++;
        break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        badByteError('nodes', c, base + i);
      }
      i++;
    }
    this.state = state;
    this.acc = acc;
    this.field = field;
    this.ordinal = ordinal;
    this.edgeSum = edgeSum;
    this.recordOffset = recordOffset;
    this.maxNameIndex = maxName;
    this.maxNameOffset = maxNameOffset;
    return i;
  }

  private onEnd(offset: number): void {
    if (this.field !== 0) {
      throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array ends in the middle of a node record`, offset);
    }
    if (this.ordinal !== this.nodeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds ${this.ordinal} nodes, header says node_count ${this.nodeCount}`, offset);
    }
    if (this.edgeSum !== this.edgeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `node edge counts add up to ${this.edgeSum}, header says edge_count ${this.edgeCount}`, offset);
    }
  }

  private widenSelfSize(): Float64Array {
    const wide = Float64Array.from(this.selfSize);
    this.selfSize = wide;
    this.columns.nodeSelfSize = wide;
    return wide;
  }

  // Throws live outside onNumber(): template literals there slow every number.
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
}
