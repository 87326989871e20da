import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9 } from './bytes.js';
import type { LocationColumns } from '../graph/columns.js';
import type { SnapshotLayout } from './header.js';
import {
  AFTER_COMMA, AFTER_NUMBER, EXPECT_FIRST, IN_NUMBER, MISSING_COMMA, TOO_LARGE, TRAILING_COMMA, UNEXPECTED_COMMA,
  UINT32_MAX, badByteError, numberError, syntaxError,
} from './number-grammar.js';
/** Bytes the record fast path keeps from the end of its input: the longest record it takes. */
const FAST_MARGIN = 80;

/**
 * Parses the locations array into columns. The header has no count for it: the columns start at
 * `capacity` rows (a caller's upper bound, whose untouched pages cost no memory) and grow by
 * doubling past it.
 */
export class LocationArrayParser {
  done = false;
  private state = EXPECT_FIRST;
  private acc = 0;
  readonly columns: LocationColumns;
  private field = 0;
  /** Where the current record's first number ended (errors point there). */
  private recordOffset = 0;
  private readonly fieldCount: number;
  private readonly objectOff: number;
  private readonly scriptOff: number;
  private readonly lineOff: number;
  private readonly columnOff: number;
  private readonly nodeFields: number;
  private readonly nodeCount: number;
  /** Records are object index, script id, line, column: the order V8 writes. */
  private readonly fastLayout: boolean;

  constructor(layout: SnapshotLayout, capacity = 1024) {
    const rows = Math.max(1024, capacity);
    this.columns = {
      count: 0,
      ordinal: new Uint32Array(rows),
      scriptId: new Uint32Array(rows),
      line: new Uint32Array(rows),
      column: new Uint32Array(rows),
    };
    this.fieldCount = layout.locationFieldCount;
    this.objectOff = layout.locationObjectIndexOffset;
    this.scriptOff = layout.locationScriptIdOffset;
    this.lineOff = layout.locationLineOffset;
    this.columnOff = layout.locationColumnOffset;
    this.nodeFields = layout.nodeFieldCount;
    this.nodeCount = layout.header.node_count;
    this.fastLayout = this.fieldCount === 4 && this.objectOff === 0 && this.scriptOff === 1 && this.lineOff === 2 && this.columnOff === 3;
  }

  /** Parses from `start`; returns the position after the closing ']' or `end` if it needs more input. */
  write(buf: Uint8Array, start: number, end: number, base: number): number {
    const fieldCount = this.fieldCount;
    const objectOff = this.objectOff;
    const scriptOff = this.scriptOff;
    const lineOff = this.lineOff;
    const columnOff = this.columnOff;
    const nodeFields = this.nodeFields;
    const nodeCount = this.nodeCount;
    const c = this.columns;
    let state = this.state;
    let acc = this.acc;
    let field = this.field;
    let row = c.count;
    const fast = this.fastLayout;
    let i = start;
    while (i < end) {
      if (fast && state === AFTER_COMMA && field === 0 && end - i > FAST_MARGIN) {
        i = this.records(buf, i, end - FAST_MARGIN);
        row = c.count;
      }
      let ch = buf[i]!;
      if (ch >= DIGIT_0 && ch <= DIGIT_9) {
        if (state === AFTER_NUMBER) syntaxError('locations', base + i, MISSING_COMMA);
        acc = acc * 10 + (ch - DIGIT_0);
        i++;
        while (i < end) {
          ch = buf[i]!;
          if (ch < DIGIT_0 || ch > DIGIT_9) break;
          acc = acc * 10 + (ch - DIGIT_0);
          i++;
        }
        state = IN_NUMBER;
        if (i === end) break;
      }
      if (state === IN_NUMBER) {
        const offset = base + i;
        if (acc > Number.MAX_SAFE_INTEGER) numberError('locations', offset, TOO_LARGE);
        if (field === 0) {
          if (row === c.ordinal.length) this.grow();
          this.recordOffset = offset;
        }
        if (field === objectOff) {
          const ordinal = Math.floor(acc / nodeFields);
          if (ordinal * nodeFields !== acc || ordinal >= nodeCount) this.failObject(row, acc);
          c.ordinal[row] = ordinal;
        } else if (field === scriptOff) {
          if (acc > UINT32_MAX) this.failRange(row);
          c.scriptId[row] = acc;
        } else if (field === lineOff) {
          if (acc > UINT32_MAX) this.failRange(row);
          c.line[row] = acc;
        } else if (field === columnOff) {
          if (acc > UINT32_MAX) this.failRange(row);
          c.column[row] = acc;
        }
        if (++field === fieldCount) {
          field = 0;
          c.count = ++row;
        }
        acc = 0;
        state = AFTER_NUMBER;
      }
      if (ch === COMMA) {
        if (state !== AFTER_NUMBER) syntaxError('locations', base + i, UNEXPECTED_COMMA);
        state = AFTER_COMMA;
      } else if (ch === CLOSE_BRACKET) {
        if (state === AFTER_COMMA) syntaxError('locations', base + i, TRAILING_COMMA);
        if (field !== 0) throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `locations array ends in the middle of a record`, base + i);
        this.done = true;
        i++;
        break;
      } else if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) {
        badByteError('locations', ch, base + i);
      }
      i++;
    }
    this.state = state;
    this.acc = acc;
    this.field = field;
    return i;
  }

  /**
   * Whole records in V8's layout (object index, script id, line, column; `\n,` or `,` after
   * each) from a record's start to `limit`, while the columns have room, without the per-number
   * state of the general loop; anything else is left to it, which reports it the usual way.
   */
  private records(buf: Uint8Array, start: number, limit: number): number {
    const nodeFields = this.nodeFields;
    const nodeCount = this.nodeCount;
    const { ordinal, scriptId, line, column } = this.columns;
    let row = this.columns.count;
    const rows = ordinal.length;
    let i = start;
    // Reads past `limit` stay inside the margin the caller left; past the buffer they give
    // undefined, which is no digit.
    while (i < limit && row < rows) {
      let p = i;
      let c = buf[p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let object = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) object = object * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let script = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) script = script * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let ln = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) ln = ln * 10 + (c - DIGIT_0);
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let col = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) col = col * 10 + (c - DIGIT_0);
      if (c === 0x0a) c = buf[++p]!;
      if (c !== COMMA || p - i > FAST_MARGIN) break;
      const o = Math.floor(object / nodeFields);
      if (o * nodeFields !== object || o >= nodeCount || script > UINT32_MAX || ln > UINT32_MAX || col > UINT32_MAX) break;
      ordinal[row] = o;
      scriptId[row] = script;
      line[row] = ln;
      column[row] = col;
      row++;
      i = p + 1;
    }
    this.columns.count = row;
    return i;
  }

  private failObject(row: number, index: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_EDGE_TARGET', `location ${row}: object_index ${index} is not a node index`, this.recordOffset);
  }

  private failRange(row: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `location ${row}: value out of range`, this.recordOffset);
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
