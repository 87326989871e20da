import { HeapSnapshotError } from '../errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9, describeByte } from './bytes.js';

const EXPECT_FIRST = 0; // right after '[': a number or ']'
const IN_NUMBER = 1;
const AFTER_NUMBER = 2; // ',' or ']'
const AFTER_COMMA = 3; // a number
// Messages as constants: a template literal inside the hot loop slows every iteration, not just the throw.
const MISSING_COMMA = `missing ',' between numbers`;
const TOO_LARGE = `number too large`;
const UNEXPECTED_COMMA = `unexpected ','`;
const TRAILING_COMMA = `trailing ',' before ']'`;

/** Receives staged numbers; consumes whole records and returns how many numbers it used. */
export interface RecordSink {
  consume(values: Float64Array, offsets: Float64Array, count: number): number;
  /** Called at ']' with the count of numbers that did not make a whole record. */
  end(leftover: number, offset: number): void;
}

/**
 * Resumable tokenizer for a JSON array of non-negative integers (`[1,2,3]`, opening bracket
 * already consumed). Digits go straight from bytes into a small staging buffer that a sink
 * drains record by record, so no string or per-number object is ever made.
 */
export class NumberArrayTokenizer {
  private readonly values: Float64Array;
  /** Stream offset where each staged number ended, so sinks can point errors at the exact byte. */
  private readonly offsets: Float64Array;
  private staged = 0;
  private state = EXPECT_FIRST;
  private acc = 0;
  done = false;

  constructor(
    private readonly sink: RecordSink,
    private readonly what: string,
    capacity = 1 << 16,
  ) {
    this.values = new Float64Array(capacity);
    this.offsets = new Float64Array(capacity);
  }

  /** Parses from `start`; returns the position after the closing ']' or `end` if it needs more input. */
  write(buf: Uint8Array, start: number, end: number, base: number): number {
    const values = this.values;
    const offsets = this.offsets;
    const capacity = values.length;
    let state = this.state;
    let acc = this.acc;
    let staged = this.staged;
    let i = start;
    while (i < end) {
      let c = buf[i]!;
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (state === AFTER_NUMBER) this.fail(base + i, MISSING_COMMA);
        // Tight inner loop: most bytes are digits, so they never reach the grammar checks below.
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
        values[staged] = acc;
        offsets[staged] = base + i;
        staged++;
        acc = 0;
        state = AFTER_NUMBER;
        if (staged === capacity) staged = this.drain(staged);
      }
      if (c === COMMA) {
        if (state !== AFTER_NUMBER) this.fail(base + i, UNEXPECTED_COMMA);
        state = AFTER_COMMA;
      } else if (c === CLOSE_BRACKET) {
        if (state === AFTER_COMMA) this.fail(base + i, TRAILING_COMMA);
        staged = this.drain(staged);
        this.sink.end(staged, base + i);
        this.done = true;
        i++;
        break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        this.failByte(c, base + i);
      }
      i++;
    }
    this.state = state;
    this.acc = acc;
    this.staged = staged;
    return i;
  }

  private drain(staged: number): number {
    const used = this.sink.consume(this.values, this.offsets, staged);
    const left = staged - used;
    // Sinks take whole records; one that does not fit would overflow the buffer (the header caps fields).
    if (left === this.values.length) this.fail(this.offsets[0]!, `a record of more than ${left} numbers`);
    // A record split across drains is carried to the front for the next call.
    if (left > 0) {
      this.values.copyWithin(0, used, staged);
      this.offsets.copyWithin(0, used, staged);
    }
    return left;
  }

  private failByte(c: number, offset: number): never {
    if (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b) {
      this.failNumber(offset, `only non-negative integers are allowed, found ${describeByte(c)}`);
    }
    this.fail(offset, `unexpected ${describeByte(c)}`);
  }

  private fail(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what} array: ${message}`, offset);
  }

  private failNumber(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_NUMBER', `${this.what} array: ${message}`, offset);
  }
}
