import { DIGIT_0, DIGIT_9 } from './bytes.js';
import type { EdgeColumns } from '../graph/columns.js';
import type { SnapshotLayout } from './header.js';

const START = 0; // just before the closing ']'
const IN_NUMBER = 1;
const AFTER_NUMBER = 2; // expecting ',' or the opening '['
const EXPECT_NUMBER = 3; // just before a ','

/** Numbers longer than this cannot be safe integers; the forward parser reports them. */
const MAX_DIGITS = 15;
/** Bytes the record fast path keeps from the start of its input: the longest record it takes. */
const FAST_MARGIN = 64;

/**
 * Parses the edges array backwards from its closing ']'. Counting from the end gives every
 * number its index without knowing how many come before it (the header's edge_count fixes the
 * total), so this runs in parallel with the forward parser and meets it in the middle.
 *
 * It reports only whether the bytes were clean: on any problem the caller falls back to the
 * forward parser, which finds the first error in byte order with the usual message.
 */
export class EdgeTailParser {
  /** Numbers seen so far, counting back from the end. */
  count = 0;
  problem = false;
  /** Reached the opening '[', and where it is. */
  reachedOpen = false;
  openOffset = -1;
  /** Lowest separator seen so far with a whole number of records after it, and that count. */
  alignedStop = -1;
  alignedCount = 0;
  maxNameIndex = 0;
  maxNameOffset = 0;

  private state = START;
  private acc = 0;
  private mul = 1;
  private digits = 0;
  private numberEnd = 0;
  private recType = 0;
  private recName = 0;
  private recNameOffset = 0;
  private readonly total: number;
  private readonly elementType: number;
  private readonly hiddenType: number;
  /** Records are `type,name_or_index,to_node`, the order V8 writes. */
  private readonly fastLayout: boolean;

  constructor(
    private readonly layout: SnapshotLayout,
    private readonly columns: EdgeColumns,
  ) {
    this.total = layout.header.edge_count * layout.edgeFieldCount;
    this.elementType = layout.edgeTypes.indexOf('element');
    this.hiddenType = layout.edgeTypes.indexOf('hidden');
    this.fastLayout = layout.edgeFieldCount === 3 && layout.edgeTypeOffset === 0 && layout.edgeNameOffset === 1 && layout.edgeToNodeOffset === 2;
  }

  /** Feeds buf[lo, hi), which holds file bytes [base + lo, base + hi), from high to low. */
  writeBackward(buf: Uint8Array, lo: number, hi: number, base: number): void {
    const L = this.layout;
    const F = L.edgeFieldCount;
    const typeOff = L.edgeTypeOffset;
    const nameOff = L.edgeNameOffset;
    const toOff = L.edgeToNodeOffset;
    const nodeFields = L.nodeFieldCount;
    const nodeCount = L.header.node_count;
    const typeCount = L.edgeTypes.length;
    const elementType = this.elementType;
    const hiddenType = this.hiddenType;
    const { edgeType, edgeNameOrIndex, edgeToOrdinal } = this.columns;
    const total = this.total;
    let state = this.state;
    let acc = this.acc;
    let mul = this.mul;
    let digits = this.digits;
    let numberEnd = this.numberEnd;
    let count = this.count;
    let recType = this.recType;
    let recName = this.recName;
    let recNameOffset = this.recNameOffset;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    let problem = false;
    // Field and edge of the next number to come (counting back from the end of the array), kept
    // by counters: a division per number cost about a quarter of this loop.
    const next = total - 1 - count;
    let field = next >= 0 ? next % F : 0;
    let edge = next >= 0 ? (next - field) / F : -1;
    const fast = this.fastLayout;
    for (let i = hi - 1; i >= lo; i--) {
      if (fast && state === EXPECT_NUMBER && field === F - 1 && i - lo > FAST_MARGIN) {
        this.count = count;
        this.maxNameIndex = maxName;
        this.maxNameOffset = maxNameOffset;
        i = this.records(buf, i, lo + FAST_MARGIN, base);
        count = this.count;
        edge = (total - 1 - count - field) / F;
        maxName = this.maxNameIndex;
        maxNameOffset = this.maxNameOffset;
      }
      let c = buf[i]!;
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (state === AFTER_NUMBER) {
          problem = true; // two numbers without a comma
          break;
        }
        if (state !== IN_NUMBER) {
          state = IN_NUMBER;
          numberEnd = base + i + 1;
          acc = 0;
          mul = 1;
          digits = 0;
        }
        // The number's digits in a tight loop, lowest first.
        const numberTop = i;
        acc += (c - DIGIT_0) * mul;
        mul *= 10;
        i--;
        while (i >= lo) {
          c = buf[i]!;
          if (c < DIGIT_0 || c > DIGIT_9) break;
          acc += (c - DIGIT_0) * mul;
          mul *= 10;
          i--;
        }
        digits += numberTop - i;
        if (digits > MAX_DIGITS) {
          problem = true;
          break;
        }
        if (i < lo) break; // it may go on in the block before
      }
      if (state === IN_NUMBER) {
        // A whole number: its index counts back from the end of the array.
        if (count >= total) {
          problem = true;
          break;
        }
        if (field === toOff) {
          const target = acc / nodeFields;
          if (target !== Math.floor(target) || target >= nodeCount) {
            problem = true;
            break;
          }
          edgeToOrdinal[edge] = target;
        } else if (field === nameOff) {
          if (acc > 0xffffffff) {
            problem = true;
            break;
          }
          edgeNameOrIndex[edge] = acc;
          recName = acc;
          recNameOffset = numberEnd;
        } else if (field === typeOff) {
          if (acc >= typeCount) {
            problem = true;
            break;
          }
          edgeType[edge] = acc;
          recType = acc;
        }
        // Field 0 arrives last: the record is complete. Ties move to the earlier offset, as the
        // forward parser keeps the first occurrence of the largest name.
        if (field === 0 && recName >= maxName && recName > 0 && recType !== elementType && recType !== hiddenType) {
          maxName = recName;
          maxNameOffset = recNameOffset;
        }
        count++;
        if (field === 0) {
          field = F - 1;
          edge--;
        } else {
          field--;
        }
        state = AFTER_NUMBER;
      }
      if (c === 0x2c) {
        if (state !== AFTER_NUMBER) {
          problem = true; // ",," or ",]"
          break;
        }
        if (field === F - 1) { // the number before this comma began a record
          this.alignedStop = base + i;
          this.alignedCount = count;
        }
        state = EXPECT_NUMBER;
      } else if (c === 0x5b) {
        // The only '[' before a number array's end is its start. "[," is broken; otherwise every
        // number must have been seen.
        this.reachedOpen = true;
        this.openOffset = base + i;
        if (state === EXPECT_NUMBER || count !== total) problem = true;
        break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        problem = true;
        break;
      }
    }
    this.state = state;
    this.acc = acc;
    this.mul = mul;
    this.digits = digits;
    this.numberEnd = numberEnd;
    this.count = count;
    this.recType = recType;
    this.recName = recName;
    this.recNameOffset = recNameOffset;
    this.maxNameIndex = maxName;
    this.maxNameOffset = maxNameOffset;
    if (problem) this.problem = true;
  }

  /**
   * Whole records in V8's layout, read backwards from just below a separating ',' down to
   * `limit`, without the per-number state of the general loop; anything else (whitespace, a bad
   * or long number, the opening bracket) is left to it. Returns the index of the next byte to
   * read: just below the last separator taken.
   */
  private records(buf: Uint8Array, start: number, limit: number, base: number): number {
    const L = this.layout;
    const nodeFields = L.nodeFieldCount;
    const nodeCount = L.header.node_count;
    const typeCount = L.edgeTypes.length;
    const elementType = this.elementType;
    const hiddenType = this.hiddenType;
    const { edgeType, edgeNameOrIndex, edgeToOrdinal } = this.columns;
    let count = this.count;
    let edge = (this.total - count) / 3 - 1;
    let maxName = this.maxNameIndex;
    let maxNameOffset = this.maxNameOffset;
    let i = start;
    // Reads below `limit` stay inside the margin the caller left; below the buffer they give
    // undefined, which is no digit.
    while (i > limit && edge >= 0) {
      let p = i;
      let c = buf[p]!;
      if (c === 0x0a) c = buf[--p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      let top = p;
      let to = c - DIGIT_0;
      let mul = 10;
      while ((c = buf[--p]!) >= DIGIT_0 && c <= DIGIT_9) {
        to += (c - DIGIT_0) * mul;
        mul *= 10;
      }
      if (c !== 0x2c || top - p > MAX_DIGITS) break;
      const nameEnd = p;
      c = buf[--p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      top = p;
      let name = c - DIGIT_0;
      mul = 10;
      while ((c = buf[--p]!) >= DIGIT_0 && c <= DIGIT_9) {
        name += (c - DIGIT_0) * mul;
        mul *= 10;
      }
      if (c !== 0x2c || top - p > MAX_DIGITS) break;
      c = buf[--p]!;
      if (c < DIGIT_0 || c > DIGIT_9) break;
      top = p;
      let type = c - DIGIT_0;
      mul = 10;
      while ((c = buf[--p]!) >= DIGIT_0 && c <= DIGIT_9) {
        type += (c - DIGIT_0) * mul;
        mul *= 10;
      }
      if (c !== 0x2c || top - p > MAX_DIGITS || i - p > FAST_MARGIN) break;
      const target = to / nodeFields;
      if (type >= typeCount || name > 0xffffffff || target !== Math.floor(target) || target >= nodeCount) break;
      edgeType[edge] = type;
      edgeNameOrIndex[edge] = name;
      edgeToOrdinal[edge] = target;
      // Ties move to the earlier offset, as the forward parser keeps the first occurrence.
      if (name >= maxName && name > 0 && type !== elementType && type !== hiddenType) {
        maxName = name;
        maxNameOffset = base + nameEnd;
      }
      count += 3;
      edge--;
      this.alignedStop = base + p;
      this.alignedCount = count;
      i = p - 1;
    }
    this.count = count;
    this.maxNameIndex = maxName;
    this.maxNameOffset = maxNameOffset;
    return i;
  }
}
