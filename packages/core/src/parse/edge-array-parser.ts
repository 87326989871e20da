import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9, describeByte } from './bytes.js';
import type { EdgeColumns } from '../graph/columns.js';
import type { SnapshotLayout } from './header.js';

const EXPECT_FIRST = 0; // right after '[': a number or ']'
const IN_NUMBER = 1;
const AFTER_NUMBER = 2; // ',' or ']'
const AFTER_COMMA = 3; // a number
const SKIPPING = 4; // the rest of the array belongs to the tail parser (threads/edge-split.ts)
// Messages as constants: a template literal inside the hot loop slows every iteration, not just the throw.
const MISSING_COMMA = `missing ',' between numbers`;
const TOO_LARGE = `number too large`;
const UNEXPECTED_COMMA = `unexpected ','`;
/** Bytes the record fast path keeps from the end of its input: the longest record it takes. */
const FAST_MARGIN = 64;

/** In shared memory: another thread may fill part of them, and read them during the analysis. */
export function allocateEdgeColumns(edgeCount: number): EdgeColumns {
  const buffer = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes);
  return {
    edgeType: new Uint8Array(buffer(edgeCount)),
    edgeNameOrIndex: new Uint32Array(buffer(edgeCount * 4)),
    edgeToOrdinal: new Uint32Array(buffer(edgeCount * 4)),
  };
}

/**
 * Hands the parser the blocks of the edges array it may parse; the rest is parsed from the end
 * by a worker. `claim(block)` is asked before each new block and answers false once the worker
 * owns it.
 */
export interface EdgeSplitClaims {
  blockBytes: number;
  claim(block: number): boolean;
  /** Where the worker found the array's ']' (set before it claims any block). */
  closeOffset(): number;
  /** Notes when each side reaches each step, for tuning the split (a no-op unless asked for). */
  debug(what: string): void;
}

/**
 * Tokenizes the edges array (opening bracket consumed) straight into the edge columns, validating
 * each field as it completes: one pass over the bytes, no staging and no per-number objects.
 * With split claims it stops at the first record boundary inside the worker's first block.
 */
export class EdgeArrayParser {
  readonly columns: EdgeColumns;
  done = false;
  edge = 0;
  /** Largest string index used as an edge name and where, checked once the strings are known. */
  maxNameIndex = 0;
  maxNameOffset = 0;
  /** Where the parser handed over to the tail parser: the separating comma, or -1. */
  stoppedAt = -1;
  /**
   * After the hand-over, the offset of the array's ']' as the worker found it: the reader may
   * jump there instead of reading the worker's part (the join checks the ']' is there).
   */
  resumeAt = -1;
  /** Stream offset of the closing ']'. */
  endOffset = -1;

  private state = EXPECT_FIRST;
  private acc = 0;
  private field = 0;
  private recType = 0;
  private recName = 0;
  private recNameOffset = 0;
  /** Block index the parser last claimed; -1 before the first. */
  private claimedBlock = -1;
  /** Set once a claim failed: stop at the next record boundary. */
  private stopping = false;
  private readonly elementType: number;
  private readonly hiddenType: number;
  /** Records are `type,name_or_index,to_node`, the order V8 writes. */
  private readonly fastLayout: boolean;

  constructor(
    private readonly layout: SnapshotLayout,
    columns?: EdgeColumns,
    private readonly split?: EdgeSplitClaims,
    openOffset = 0,
  ) {
    this.columns = columns ?? allocateEdgeColumns(layout.header.edge_count);
    split?.debug('main opened the edges array');
    this.elementType = layout.edgeTypes.indexOf('element');
    this.hiddenType = layout.edgeTypes.indexOf('hidden');
    this.fastLayout = layout.edgeFieldCount === 3 && layout.edgeTypeOffset === 0 && layout.edgeNameOffset === 1 && layout.edgeToNodeOffset === 2;
    // The '[' itself is in the first block: if the worker got there first, it owns every number.
    if (split && !this.claimUpTo(openOffset)) this.stopAt(openOffset);
  }

  write(buf: Uint8Array, start: number, end: number, base: number): number {
    let i = start;
    while (i < end && !this.done) {
      if (this.state === SKIPPING) return this.skip(buf, i, end, base);
      let limit = end;
      if (this.split && !this.stopping) {
        // Parse block by block so that every number this parser keeps lies in a block it owns.
        const blockEnd = (this.claimedBlock + 1) * this.split.blockBytes - base;
        if (blockEnd <= i) {
          if (!this.claimUpTo(base + i)) {
            this.stopping = true;
            this.split.debug('main met the worker');
          }
          continue;
        }
        limit = Math.min(end, blockEnd);
      }
      i = this.parse(buf, i, limit, base);
    }
    return i;
  }

  private claimUpTo(offset: number): boolean {
    const split = this.split!;
    const block = Math.floor(offset / split.blockBytes);
    while (this.claimedBlock < block) {
      if (!split.claim(this.claimedBlock + 1)) return false;
      this.claimedBlock++;
    }
    return true;
  }

  private stopAt(offset: number): void {
    this.stoppedAt = offset;
    this.resumeAt = this.split!.closeOffset();
    this.state = SKIPPING;
  }

  /** Where the reader may jump to while this parser skips the worker's part, else -1. */
  get skipTarget(): number {
    return this.state === SKIPPING && !this.done ? this.resumeAt : -1;
  }

  /** After the hand-over: find the closing ']' at memchr speed; the worker validated these bytes. */
  private skip(buf: Uint8Array, start: number, end: number, base: number): number {
    const close = buf.indexOf(CLOSE_BRACKET, start);
    if (close === -1 || close >= end) return end;
    this.endOffset = base + close;
    this.done = true;
    return close + 1;
  }

  private parse(buf: Uint8Array, start: number, end: number, base: number): number {
    const L = this.layout;
    const F = L.edgeFieldCount;
    const typeOff = L.edgeTypeOffset;
    const nameOff = L.edgeNameOffset;
    const toOff = L.edgeToNodeOffset;
    const nodeFields = L.nodeFieldCount;
    const typeCount = L.edgeTypes.length;
    const nodeCount = L.header.node_count;
    const edgeCount = L.header.edge_count;
    const elementType = this.elementType;
    const hiddenType = this.hiddenType;
    const { edgeType, edgeNameOrIndex, edgeToOrdinal } = this.columns;
    const stopping = this.stopping;
    let state = this.state;
    let acc = this.acc;
    let field = this.field;
    let edge = this.edge;
    let recType = this.recType;
    let recName = this.recName;
    let recNameOffset = this.recNameOffset;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    const fast = this.fastLayout && !stopping;
    let i = start;
    while (i < end) {
      if (fast && state === AFTER_COMMA && field === 0 && end - i > FAST_MARGIN) {
        this.edge = edge;
        this.maxNameIndex = maxName;
        this.maxNameOffset = maxNameOffset;
        i = this.records(buf, i, end - FAST_MARGIN, base);
        edge = this.edge;
        maxName = this.maxNameIndex;
        maxNameOffset = this.maxNameOffset;
      }
      let c = buf[i]!;
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (state === AFTER_NUMBER) this.fail(base + i, MISSING_COMMA);
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
        if (acc > Number.MAX_SAFE_INTEGER) this.failNumber(base + i, TOO_LARGE);
        if (field === 0 && edge >= edgeCount) this.failTooMany(base + i);
        if (field === toOff) {
          const target = acc / nodeFields;
          if (target !== Math.floor(target) || target >= nodeCount) this.failTarget(edge, acc, base + i);
          edgeToOrdinal[edge] = target;
        } else if (field === nameOff) {
          if (acc > 0xffffffff) this.failName(edge, base + i);
          edgeNameOrIndex[edge] = acc;
          recName = acc;
          recNameOffset = base + i;
        } else if (field === typeOff) {
          if (acc >= typeCount) this.failType(edge, acc, base + i);
          edgeType[edge] = acc;
          recType = acc;
        }
        if (++field === F) {
          field = 0;
          // Element and hidden edges carry an index, not a string, in name_or_index.
          if (recName > maxName && recType !== elementType && recType !== hiddenType) {
            maxName = recName;
            maxNameOffset = recNameOffset;
          }
          edge++;
        }
        acc = 0;
        state = AFTER_NUMBER;
      }
      if (c === COMMA) {
        if (state !== AFTER_NUMBER) this.fail(base + i, UNEXPECTED_COMMA);
        state = AFTER_COMMA;
        if (stopping && field === 0) {
          this.stoppedAt = base + i;
          this.resumeAt = this.split!.closeOffset();
          state = SKIPPING;
          i++;
          break;
        }
      } else if (c === CLOSE_BRACKET) {
        this.close(state, field, edge, base + i);
        i++;
        break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        this.failByte(c, base + i);
      }
      i++;
    }
    this.state = state;
    this.acc = acc;
    this.field = field;
    this.edge = edge;
    this.recType = recType;
    this.recName = recName;
    this.recNameOffset = recNameOffset;
    this.maxNameIndex = maxName;
    this.maxNameOffset = maxNameOffset;
    return i;
  }

  /**
   * Whole records in V8's layout (`type,name,to` then `\n,` or `,`), starting at a record and
   * stopping before `limit`, without the per-number state of the general loop. Any record that is
   * not plain (whitespace, a bad or out-of-range number, the closing bracket) is left to the
   * general loop, which reports it the usual way. Returns where it stopped: a record's start.
   */
  private records(buf: Uint8Array, start: number, limit: number, base: number): number {
    const L = this.layout;
    const nodeFields = L.nodeFieldCount;
    const typeCount = L.edgeTypes.length;
    const nodeCount = L.header.node_count;
    const edgeCount = L.header.edge_count;
    const elementType = this.elementType;
    const hiddenType = this.hiddenType;
    const { edgeType, edgeNameOrIndex, edgeToOrdinal } = this.columns;
    let edge = this.edge;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    let i = start;
    // Reads past `limit` stay inside the margin the caller left (a number longer than that is not
    // plain: the general loop takes it); reads past the buffer give undefined, which is no digit.
    while (i < limit && edge < edgeCount) {
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
      const nameEnd = p;
      if (c !== COMMA) break;
      c = buf[++p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let to = c - DIGIT_0;
      while ((c = buf[++p]!) >= DIGIT_0 && c <= DIGIT_9) to = to * 10 + (c - DIGIT_0);
      if (c === 0x0a) c = buf[++p]!;
      if (c !== COMMA || p - i > FAST_MARGIN) break;
      const target = to / nodeFields;
      if (type >= typeCount || name > 0xffffffff || target !== Math.floor(target) || target >= nodeCount) break;
      edgeType[edge] = type;
      edgeNameOrIndex[edge] = name;
      edgeToOrdinal[edge] = target;
      // Element and hidden edges carry an index, not a string, in name_or_index.
      if (name > maxName && type !== elementType && type !== hiddenType) {
        maxName = name;
        maxNameOffset = base + nameEnd;
      }
      edge++;
      i = p + 1;
    }
    this.edge = edge;
    this.maxNameIndex = maxName;
    this.maxNameOffset = maxNameOffset;
    return i;
  }

  /** The closing ']': only reached when this parser parsed the whole array. */
  private close(state: number, field: number, edge: number, offset: number): void {
    const edgeCount = this.layout.header.edge_count;
    if (state === AFTER_COMMA) this.fail(offset, `trailing ',' before ']'`);
    if (field !== 0) throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array ends in the middle of an edge record`, offset);
    if (edge !== edgeCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array holds ${edge} edges, header says edge_count ${edgeCount}`, offset);
    }
    this.endOffset = offset;
    this.done = true;
  }

  private failByte(c: number, offset: number): never {
    if (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b) {
      this.failNumber(offset, `only non-negative integers are allowed, found ${describeByte(c)}`);
    }
    this.fail(offset, `unexpected ${describeByte(c)}`);
  }

  private failTooMany(offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_EDGE_COUNT', `edges array holds more than edge_count (${this.layout.header.edge_count}) edges`, offset);
  }

  private failName(edge: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `edge ${edge}: name_or_index out of range`, offset);
  }

  private failType(edge: number, type: number, offset: number): never {
    throw new HeapSnapshotError('E_SNAPSHOT_TYPE', `edge ${edge} has type ${type}, but meta.edge_types lists ${this.layout.edgeTypes.length}`, offset);
  }

  private failTarget(edge: number, to: number, offset: number): never {
    const nodeFields = this.layout.nodeFieldCount;
    const why = to % nodeFields !== 0 ? `not a multiple of the node field count ${nodeFields}` : `beyond the last node`;
    throw new HeapSnapshotError('E_SNAPSHOT_EDGE_TARGET', `edge ${edge}: to_node ${to} is ${why}`, offset);
  }

  private fail(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `edges array: ${message}`, offset);
  }

  private failNumber(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `edges array: ${message}`, offset);
  }
}
