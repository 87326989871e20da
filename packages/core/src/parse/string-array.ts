import { HeapSnapshotError } from '../errors/errors.js';
import { BACKSLASH, CLOSE_BRACKET, COMMA, QUOTE, describeByte, isWhitespace } from './bytes.js';

/**
 * What the strings array may hold. A string costs V8 about 24 bytes besides its characters, far
 * more than the 3 it takes in the file (`"",`), so a small (or gzipped) file of many tiny
 * strings could otherwise exhaust memory before anything else is checked.
 */
export interface StringLimits {
  /** Most strings accepted, and why (for the message: "what 4 nodes, 3 edges and 0 traced functions can name"). */
  maxCount: number;
  countReason: string;
  /** Most heap the strings may take, estimated as HEAP_BYTES_PER_STRING plus their bytes each. */
  maxHeapBytes: number;
}

/** A string's header in V8's heap and its slot in the array (64-bit, no pointer compression). */
export const HEAP_BYTES_PER_STRING = 24;

const NO_LIMITS: StringLimits = { maxCount: Infinity, countReason: '', maxHeapBytes: Infinity };

const EXPECT_FIRST = 0; // after '[': a string or ']'
const IN_STRING = 1;
const AFTER_STRING = 2; // ',' or ']'
const AFTER_COMMA = 3; // a string

/**
 * Resumable decoder for a JSON array of strings (opening bracket consumed). Each string is decoded
 * on its own from the bytes; the array as a whole never exists as one JS string.
 */
export class StringArrayTokenizer {
  readonly strings: string[] = [];
  /** Strings read (and kept, unless the tokenizer only checks). */
  count = 0;
  done = false;
  private state = EXPECT_FIRST;
  /** Raw bytes of a string that spans chunks, or that has escapes. */
  private pending: Uint8Array = new Uint8Array(256);
  private pendingLength = 0;
  private hasEscape = false;
  private escapeOpen = false;
  private stringStart = 0;
  /** Estimated heap taken by the strings so far (see StringLimits). */
  private heapBytes = 0;
  private readonly maxCount: number;
  private readonly maxHeapBytes: number;

  constructor(
    private readonly what: string,
    private readonly limits: StringLimits = NO_LIMITS,
    /** False to check and count the strings without keeping them. */
    private readonly keep = true,
    /** Longest string accepted, in bytes; V8 cuts heap string names at 1024 characters. */
    private readonly maxStringBytes = 64 << 20,
  ) {
    this.maxCount = limits.maxCount;
    this.maxHeapBytes = limits.maxHeapBytes;
  }

  write(buf: Buffer, start: number, end: number, base: number): number {
    let i = start;
    while (i < end) {
      if (this.state === IN_STRING) {
        i = this.continueString(buf, i, end, base);
        continue;
      }
      const c = buf[i]!;
      if (c === QUOTE) {
        if (this.state === AFTER_STRING) this.fail(base + i, `missing ',' between strings`);
        this.state = IN_STRING;
        this.stringStart = base + i;
        this.pendingLength = 0;
        this.hasEscape = false;
        this.escapeOpen = false;
        i++;
        i = this.startString(buf, i, end, base);
        continue;
      }
      if (c === COMMA) {
        if (this.state !== AFTER_STRING) this.fail(base + i, `unexpected ','`);
        this.state = AFTER_COMMA;
      } else if (c === CLOSE_BRACKET) {
        if (this.state === AFTER_COMMA) this.fail(base + i, `trailing ',' before ']'`);
        this.done = true;
        return i + 1;
      } else if (!isWhitespace(c)) {
        this.fail(base + i, `expected a string, found ${describeByte(c)}`);
      }
      i++;
    }
    return i;
  }

  /** Fast path: a string that ends in this chunk is decoded straight from it. */
  private startString(buf: Buffer, i: number, end: number, base: number): number {
    let j = i;
    let high = 0;
    while (j < end) {
      const c = buf[j]!;
      if (c === QUOTE) {
        // ASCII (most names) decodes faster as Latin-1, with the same result.
        if (this.keep) this.strings.push(high < 0x80 ? buf.toString('latin1', i, j) : buf.toString('utf8', i, j));
        this.heapBytes += HEAP_BYTES_PER_STRING + (j - i);
        if (++this.count > this.maxCount || this.heapBytes > this.maxHeapBytes) this.overLimit();
        this.state = AFTER_STRING;
        return j + 1;
      }
      if (c === BACKSLASH) return this.escapedString(buf, i, j, end, base);
      high |= c;
      j++;
    }
    // A chunk boundary: collect raw bytes.
    this.append(buf, i, j, base + j);
    return j;
  }

  /** A string with escapes: JSON.parse decodes it, quotes included, if it ends in this chunk. */
  private escapedString(buf: Buffer, i: number, backslash: number, end: number, base: number): number {
    let j = backslash;
    while (j < end) {
      const c = buf[j]!;
      if (c === BACKSLASH) {
        j += 2;
        continue;
      }
      if (c === QUOTE) {
        this.decodeEscaped(buf.toString('utf8', i - 1, j + 1), base + j);
        this.state = AFTER_STRING;
        return j + 1;
      }
      j++;
    }
    // A chunk boundary: collect the raw bytes up to the first backslash and go on byte by byte.
    this.append(buf, i, backslash, base + backslash);
    return backslash;
  }

  private continueString(buf: Buffer, i: number, end: number, base: number): number {
    let j = i;
    let escapeOpen = this.escapeOpen;
    while (j < end) {
      const c = buf[j]!;
      if (escapeOpen) {
        escapeOpen = false;
      } else if (c === BACKSLASH) {
        escapeOpen = true;
        this.hasEscape = true;
      } else if (c === QUOTE) {
        break;
      }
      j++;
    }
    this.escapeOpen = escapeOpen;
    this.append(buf, i, j, base + j);
    if (j === end) return j;
    this.finishString(base + j);
    this.state = AFTER_STRING;
    return j + 1;
  }

  private finishString(offset: number): void {
    if (!this.hasEscape && !this.keep) {
      this.counted(this.pendingLength);
      return;
    }
    const raw = Buffer.from(this.pending.buffer, this.pending.byteOffset, this.pendingLength).toString('utf8');
    if (this.hasEscape) {
      this.decodeEscaped(`"${raw}"`, offset);
    } else {
      this.strings.push(raw);
      this.counted(this.pendingLength);
    }
  }

  private decodeEscaped(quoted: string, offset: number): void {
    let value: string;
    try {
      value = JSON.parse(quoted) as string;
    } catch {
      throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what}: invalid escape or control character in string ${this.count}`, this.stringStart || offset);
    }
    if (this.keep) this.strings.push(value);
    this.counted(quoted.length);
  }

  /** Accounts for a string just read (its length in the file, about its size in the heap). */
  private counted(bytes: number): void {
    this.heapBytes += HEAP_BYTES_PER_STRING + bytes;
    if (++this.count > this.maxCount || this.heapBytes > this.maxHeapBytes) this.overLimit();
  }

  private overLimit(): never {
    if (this.count > this.maxCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_STRING_COUNT', `${this.what} array holds more than ${this.maxCount} strings, more than ${this.limits.countReason} can name`, this.stringStart);
    }
    const megabytes = Math.floor(this.maxHeapBytes / 2 ** 20);
    throw new HeapSnapshotError(
      'E_SNAPSHOT_TOO_LARGE',
      `${this.what} need more than the ${megabytes} MB of JavaScript heap they may take (more with NODE_OPTIONS=--max-old-space-size=<MB>)`,
      this.stringStart,
    );
  }

  private append(buf: Uint8Array, from: number, to: number, offset: number): void {
    const length = to - from;
    if (length === 0) return;
    const needed = this.pendingLength + length;
    if (needed > this.maxStringBytes) {
      throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what}: string ${this.count} is longer than ${this.maxStringBytes} bytes`, offset);
    }
    if (needed > this.pending.length) {
      const next = new Uint8Array(Math.max(needed, this.pending.length * 2));
      next.set(this.pending.subarray(0, this.pendingLength));
      this.pending = next;
    }
    this.pending.set(buf.subarray(from, to), this.pendingLength);
    this.pendingLength = needed;
  }

  private fail(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what} array: ${message}`, offset);
  }
}
