import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9 } from './bytes.js';
import type { SnapshotLayout } from './header.js';
import { IdIndex } from '../graph/id-index.js';
import { duplicateIdError } from './id-check.js';
import {
  AFTER_COMMA, AFTER_NUMBER, EXPECT_FIRST, IN_NUMBER, MISSING_COMMA, TOO_LARGE, TRAILING_COMMA, UNEXPECTED_COMMA,
  UINT32_MAX, badByteError, numberError, syntaxError,
} from './number-grammar.js';
/** Bytes the record fast path keeps from the end of its input: the longest record it takes. */
const FAST_MARGIN = 128;
const TYPE_FIELD = 0;
const ID_FIELD = 2;
/** What nodeType holds for a type number beyond meta.node_types (the full parser refuses those). */
export const UNKNOWN_TYPE = 0xff;

/**
 * Parses the nodes array keeping only node ids, and their types: what a baseline snapshot is
 * needed for (the types tell whether two snapshots' ids name the same objects).
 */
export class IdArrayParser {
  readonly ids: Uint32Array;
  readonly nodeType: Uint8Array;
  /**
   * The ids parsed so far, added as they are parsed: the parse's result, and what refuses a
   * repeated id (V8's ids arrive in nearly increasing order, and the index places them in order).
   */
  readonly index: IdIndex;
  done = false;
  ordinal = 0;
  private state = EXPECT_FIRST;
  private acc = 0;
  private field = 0;
  /** The type is the first number of a record and the id the third, as V8 writes them. */
  private readonly fastLayout: boolean;

  constructor(private readonly layout: SnapshotLayout) {
    this.ids = new Uint32Array(layout.header.node_count);
    this.nodeType = new Uint8Array(layout.header.node_count);
    this.index = IdIndex.withCapacity(layout.header.node_count);
    this.fastLayout = layout.nodeTypeOffset === TYPE_FIELD && layout.nodeIdOffset === ID_FIELD && layout.nodeFieldCount <= 8;
  }

  /** Parses from `start`; returns the position after the closing ']' or `end` if it needs more input. */
  write(buf: Uint8Array, start: number, end: number, base: number): number {
    const fieldCount = this.layout.nodeFieldCount;
    const idOff = this.layout.nodeIdOffset;
    const typeOff = this.layout.nodeTypeOffset;
    const typeCount = this.layout.nodeTypes.length;
    const nodeCount = this.layout.header.node_count;
    const ids = this.ids;
    const nodeType = this.nodeType;
    let state = this.state;
    let acc = this.acc;
    let field = this.field;
    let ordinal = this.ordinal;
    const fast = this.fastLayout;
    let i = start;
    while (i < end) {
      if (fast && state === AFTER_COMMA && field === 0 && end - i > FAST_MARGIN) {
        this.ordinal = ordinal;
        i = this.records(buf, i, end - FAST_MARGIN);
        ordinal = this.ordinal;
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
        if (field === 0 && ordinal >= nodeCount) this.failTooMany(offset);
        if (field === idOff) {
          if (acc > UINT32_MAX) this.failId(ordinal, offset);
          if (!this.index.add(acc, ordinal)) throw duplicateIdError(ids, ordinal, acc, offset);
          ids[ordinal] = acc;
        } else if (field === typeOff) {
          nodeType[ordinal] = acc < typeCount ? acc : UNKNOWN_TYPE;
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
        if (field !== 0) throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array ends in the middle of a node record`, base + i);
        if (ordinal !== nodeCount) this.failCount(ordinal, base + i);
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
    return i;
  }

  /**
   * Whole records (type, name, id, then the other numbers; `\n,` or `,` after each) from a
   * record's start to `limit`, without the per-number state of the general loop; anything else
   * is left to it, which reports it the usual way.
   */
  private records(buf: Uint8Array, start: number, limit: number): number {
    const fieldCount = this.layout.nodeFieldCount;
    const nodeCount = this.layout.header.node_count;
    const typeCount = this.layout.nodeTypes.length;
    const ids = this.ids;
    const nodeType = this.nodeType;
    const index = this.index;
    let ordinal = this.ordinal;
    let i = start;
    // Reads past `limit` stay inside the margin the caller left; past the buffer they give
    // undefined, which is no digit.
    record: while (i < limit && ordinal < nodeCount) {
      let p = i;
      let id = 0;
      let type = 0;
      let c = 0;
      for (let field = 0; field < fieldCount; field++) {
        if (field > 0 && c !== COMMA) break record;
        c = buf[p]!;
        if (c < DIGIT_0 || c > DIGIT_9) break record;
        let v = c - DIGIT_0;
        while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) v = v * 10 + (c - DIGIT_0);
        if (v > Number.MAX_SAFE_INTEGER) break record;
        if (field === ID_FIELD) id = v;
        else if (field === TYPE_FIELD) type = v;
        p++;
      }
      if (c === 0x0a) c = buf[p++]!;
      if (c !== COMMA || p - i > FAST_MARGIN || id > UINT32_MAX) break;
      // Last: a repeated id is left to the general loop, which reports it.
      if (!index.add(id, ordinal)) break;
      nodeType[ordinal] = type < typeCount ? type : UNKNOWN_TYPE;
      ids[ordinal++] = id;
      i = p;
    }
    this.ordinal = ordinal;
    return i;
  }

  private failTooMany(offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds more than node_count (${this.layout.header.node_count}) nodes`, offset);
  }

  private failId(ordinal: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `node ${ordinal}: id out of range`, offset);
  }

  private failCount(ordinal: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NODE_COUNT', `nodes array holds ${ordinal} nodes, header says node_count ${this.layout.header.node_count}`, offset);
  }
}
