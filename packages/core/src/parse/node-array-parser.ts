import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9 } from './bytes.js';
import type { NodeColumns } from '../graph/columns.js';
import { duplicateIdError, SeenIds } from './id-check.js';
import type { SnapshotLayout } from './header.js';
import {
  AFTER_COMMA, AFTER_NUMBER, EXPECT_FIRST, IN_NUMBER, MISSING_COMMA, TOO_LARGE, TRAILING_COMMA, UNEXPECTED_COMMA,
  UINT32_MAX, badByteError, numberError, syntaxError,
} from './number-grammar.js';

/** Bytes the record fast path keeps from the end of its input: the longest record it takes. */
const FAST_MARGIN = 128;

/** Parses the nodes array into columns as it streams in, validating each field. */
export class NodeArrayParser {
  readonly columns: NodeColumns;
  /** The ids seen so far, filled chunk by chunk, to refuse a repeated one. */
  private readonly seenIds: SeenIds;
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
  /** Records start with type, name, id, self size, edge count: the order V8 writes. */
  private readonly fastLayout: boolean;

  constructor(private readonly layout: SnapshotLayout, firstEdgeIndex?: Uint32Array) {
    const n = layout.header.node_count;
    // What an analysis helper thread reads lives in shared memory (it costs the same as private memory).
    this.columns = {
      nodeType: new Uint8Array(new SharedArrayBuffer(n)),
      nodeNameIndex: new Uint32Array(new SharedArrayBuffer(n * 4)),
      nodeId: new Uint32Array(new SharedArrayBuffer(n * 4)),
      nodeSelfSize: new Uint32Array(n),
      firstEdgeIndex: firstEdgeIndex ?? new Uint32Array(new SharedArrayBuffer((n + 1) * 4)),
      detachedness: new Uint8Array(layout.nodeDetachednessOffset >= 0 ? n : 0),
    };
    this.seenIds = new SeenIds(n);
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
    this.fastLayout = this.typeOff === 0 && this.nameOff === 1 && this.idOff === 2 && this.selfOff === 3 && this.edgeCountOff === 4
      && this.fieldCount >= 5 && this.fieldCount <= 8 && (this.detOff === -1 || this.detOff >= 5);
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
    const fast = this.fastLayout;
    let i = start;
    while (i < end) {
      if (fast && state === AFTER_COMMA && field === 0 && end - i > FAST_MARGIN) {
        this.ordinal = ordinal;
        this.edgeSum = edgeSum;
        this.maxNameIndex = maxName;
        this.maxNameOffset = maxNameOffset;
        i = this.records(buf, i, end - FAST_MARGIN, base);
        ordinal = this.ordinal;
        edgeSum = this.edgeSum;
        maxName = this.maxNameIndex;
        maxNameOffset = this.maxNameOffset;
      }
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
          if (!this.seenIds.add(acc)) throw duplicateIdError(nodeId, ordinal, acc, offset);
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

  /**
   * Whole records in V8's layout (type, name, id, self size, edge count, then trace node id and
   * detachedness if present; `\n,` or `,` after each), starting at a record and stopping before
   * `limit`, without the per-number state of the general loop. Any record that is not plain
   * (whitespace, a bad or out-of-range number, a self size that needs the wide column, the
   * closing bracket) is left to the general loop, which reports it the usual way.
   */
  private records(buf: Uint8Array, start: number, limit: number, base: number): number {
    const fieldCount = this.fieldCount;
    const detOff = this.detOff;
    const typeCount = this.typeCount;
    const nodeCount = this.nodeCount;
    const edgeCount = this.edgeCount;
    const { nodeType, nodeNameIndex, nodeId, firstEdgeIndex, detachedness } = this;
    const selfSize = this.selfSize;
    const narrow = selfSize instanceof Uint32Array;
    const seenIds = this.seenIds;
    const seen = seenIds.direct;
    const seenLimit = seenIds.directLimit;
    let ordinal = this.ordinal;
    let edgeSum = this.edgeSum;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    let i = start;
    // Reads past `limit` stay inside the margin the caller left (a record longer than that is
    // not plain); reads past the buffer give undefined, which is no digit.
    record: while (i < limit && ordinal < nodeCount) {
      let p = i;
      let c = buf[p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let type = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) type = type * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let name = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) name = name * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      const nameEnd = p;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let id = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) id = id * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let self = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) self = self * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let edges = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) edges = edges * 10 + (c - DIGIT_0);
      let det = 0;
      for (let field = 5; field < fieldCount; field++) {
        if (c !== COMMA) break record;
        c = buf[++p]!;
        if (c < DIGIT_0 || c > DIGIT_9) break record;
        let v = c - DIGIT_0;
        while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) v = v * 10 + (c - DIGIT_0);
        if (v > Number.MAX_SAFE_INTEGER) break record;
        if (field === detOff) det = v;
      }
      if (c === 0x0a) c = buf[++p]!;
      if (c !== COMMA || p - i > FAST_MARGIN) break;
      if (type >= typeCount || name > UINT32_MAX || id > UINT32_MAX || (narrow && self > UINT32_MAX) || self > Number.MAX_SAFE_INTEGER) break;
      if (edgeSum + edges > edgeCount) break;
      // Last: a repeated id is left to the general loop, which reports it.
      if (id < seenLimit) {
        const word = id >>> 5;
        const bit = 1 << (id & 31);
        const have = seen[word]!;
        if ((have & bit) !== 0) break;
        seen[word] = have | bit;
      } else if (!seenIds.addOther(id)) {
        break;
      }
      nodeType[ordinal] = type;
      nodeNameIndex[ordinal] = name;
      if (name > maxName) {
        maxName = name;
        maxNameOffset = base + nameEnd;
      }
      nodeId[ordinal] = id;
      selfSize[ordinal] = self;
      edgeSum += edges;
      firstEdgeIndex[ordinal + 1] = edgeSum;
      if (detOff >= 0) detachedness[ordinal] = det & 3;
      ordinal++;
      i = p + 1;
    }
    this.ordinal = ordinal;
    this.edgeSum = edgeSum;
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
