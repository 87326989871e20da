import { DIGIT_0, DIGIT_9 } from './bytes.js';
import type { EdgeColumns } from './edge-array-parser.js';
import type { SnapshotLayout } from './header.js';

const START = 0; // just before the closing ']'
const IN_NUMBER = 1;
const AFTER_NUMBER = 2; // expecting ',' or the opening '['
const EXPECT_NUMBER = 3; // just before a ','

/** Numbers longer than this cannot be safe integers; the forward parser reports them. */
const MAX_DIGITS = 15;

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
  /** Reached the opening '['. */
  reachedOpen = false;
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

  constructor(
    private readonly layout: SnapshotLayout,
    private readonly columns: EdgeColumns,
    /** Offset of the opening '['. */
    private readonly openOffset: number,
  ) {
    this.total = layout.header.edge_count * layout.edgeFieldCount;
    this.elementType = layout.edgeTypes.indexOf('element');
    this.hiddenType = layout.edgeTypes.indexOf('hidden');
  }

  /** Feeds buf[lo, hi), which holds file bytes [base + lo, base + hi), from high to low. */
  writeBackward(buf: Uint8Array, lo: number, hi: number, base: number): void {
    const openAt = this.openOffset - base;
    const F = this.layout.edgeFieldCount;
    let state = this.state;
    let acc = this.acc;
    let mul = this.mul;
    let digits = this.digits;
    let i = hi - 1;
    while (i >= lo && !this.problem) {
      const c = buf[i]!;
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (state === IN_NUMBER) {
          if (++digits > MAX_DIGITS) return this.fail();
          acc += (c - DIGIT_0) * mul;
          mul *= 10;
        } else if (state === AFTER_NUMBER) {
          return this.fail(); // two numbers without a comma
        } else {
          state = IN_NUMBER;
          this.numberEnd = base + i + 1;
          acc = c - DIGIT_0;
          mul = 10;
          digits = 1;
        }
        i--;
        continue;
      }
      if (state === IN_NUMBER) {
        this.complete(acc);
        if (this.problem) return;
        state = AFTER_NUMBER;
      }
      if (c === 0x2c) {
        if (state !== AFTER_NUMBER) return this.fail(); // ",," or ",]"
        if (this.count % F === 0) {
          this.alignedStop = base + i;
          this.alignedCount = this.count;
        }
        state = EXPECT_NUMBER;
      } else if (i === openAt) {
        if (state === EXPECT_NUMBER) return this.fail(); // "[,"
        this.reachedOpen = true;
        if (this.count !== this.total) return this.fail();
        break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        return this.fail();
      }
      i--;
    }
    this.state = state;
    this.acc = acc;
    this.mul = mul;
    this.digits = digits;
  }

  private complete(value: number): void {
    const L = this.layout;
    const F = L.edgeFieldCount;
    const index = this.total - 1 - this.count;
    if (index < 0) return this.fail();
    const field = index % F;
    const edge = (index - field) / F;
    if (field === L.edgeToNodeOffset) {
      const target = value / L.nodeFieldCount;
      if (target !== Math.floor(target) || target >= L.header.node_count) return this.fail();
      this.columns.edgeToOrdinal[edge] = target;
    } else if (field === L.edgeNameOffset) {
      if (value > 0xffffffff) return this.fail();
      this.columns.edgeNameOrIndex[edge] = value;
      this.recName = value;
      this.recNameOffset = this.numberEnd;
    } else if (field === L.edgeTypeOffset) {
      if (value >= L.edgeTypes.length) return this.fail();
      this.columns.edgeType[edge] = value;
      this.recType = value;
    }
    if (field === 0) {
      // The record is complete (its fields arrive last to first). Ties move to the earlier offset,
      // as the forward parser keeps the first occurrence of the largest name.
      const type = this.recType;
      if (type !== this.elementType && type !== this.hiddenType && this.recName >= this.maxNameIndex && this.recName > 0) {
        this.maxNameIndex = this.recName;
        this.maxNameOffset = this.recNameOffset;
      }
    }
    this.count++;
  }

  private fail(): void {
    this.problem = true;
  }
}
