import { HeapSnapshotError } from '../errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9 } from './bytes.js';
import type { SnapshotLayout } from './header.js';
import {
  AFTER_COMMA, AFTER_NUMBER, EXPECT_FIRST, IN_NUMBER, MISSING_COMMA, TOO_LARGE, TRAILING_COMMA, UNEXPECTED_COMMA,
  UINT32_MAX, badByteError, numberError, syntaxError,
} from './number-grammar.js';

/** Parses the nodes array keeping only node ids: what a baseline snapshot is needed for. */
export class IdArrayParser {
  readonly ids: Uint32Array;
  done = false;
  ordinal = 0;
  private state = EXPECT_FIRST;
  private acc = 0;
  private field = 0;

  constructor(private readonly layout: SnapshotLayout) {
    this.ids = new Uint32Array(layout.header.node_count);
  }

  /** Parses from `start`; returns the position after the closing ']' or `end` if it needs more input. */
  write(buf: Uint8Array, start: number, end: number, base: number): number {
    const fieldCount = this.layout.nodeFieldCount;
    const idOff = this.layout.nodeIdOffset;
    const nodeCount = this.layout.header.node_count;
    const ids = this.ids;
    let state = this.state;
    let acc = this.acc;
    let field = this.field;
    let ordinal = this.ordinal;
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
        if (field === 0 && ordinal >= nodeCount) this.failTooMany(offset);
        if (field === idOff) {
          if (acc > UINT32_MAX) this.failId(ordinal, offset);
          ids[ordinal] = acc;
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
