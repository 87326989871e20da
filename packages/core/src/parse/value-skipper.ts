import { HeapSnapshotError } from '../errors/errors.js';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, isWhitespace } from './bytes.js';

/**
 * Walks over one JSON value of any depth without building it (trace trees can nest thousands of
 * levels: a counter, not recursion). Optionally keeps the bytes, for the small header object.
 */
export class ValueSkipper {
  done = false;
  private depth = 0;
  private started = false;
  private inString = false;
  private escapeOpen = false;
  private scalar = false;
  private captured: Uint8Array;
  private capturedLength = 0;

  constructor(
    private readonly what: string,
    private readonly captureLimit = 0,
    /** Start as if the opening bracket of an array had already been read. */
    insideArray = false,
  ) {
    this.captured = new Uint8Array(captureLimit > 0 ? 4096 : 0);
    if (insideArray) {
      this.started = true;
      this.depth = 1;
    }
  }

  /** The captured bytes as text (only meaningful when constructed with a capture limit). */
  text(): string {
    return Buffer.from(this.captured.buffer, 0, this.capturedLength).toString('utf8');
  }

  write(buf: Uint8Array, start: number, end: number, base: number): number {
    let i = start;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (!this.started) {
        if (isWhitespace(c)) continue;
        this.started = true;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
        else if (c === QUOTE) this.inString = true;
        else if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what}: missing value`, base + i);
        } else this.scalar = true;
        continue;
      }
      if (this.scalar) {
        // A bare literal (number, true, null) ends at the next delimiter, which belongs to the caller.
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c)) {
          this.done = true;
          break;
        }
        continue;
      }
      if (this.inString) {
        if (this.escapeOpen) this.escapeOpen = false;
        else if (c === BACKSLASH) this.escapeOpen = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.depth === 0) {
            this.done = true;
            i++;
            break;
          }
        }
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          this.done = true;
          i++;
          break;
        }
      }
    }
    if (this.captureLimit > 0) this.capture(buf, start, i, base);
    return i;
  }

  private capture(buf: Uint8Array, from: number, to: number, base: number): void {
    const needed = this.capturedLength + (to - from);
    if (needed > this.captureLimit) {
      throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `${this.what} is larger than ${this.captureLimit} bytes`, base + to);
    }
    if (needed > this.captured.length) {
      const next = new Uint8Array(Math.min(this.captureLimit, Math.max(needed, this.captured.length * 2)));
      next.set(this.captured.subarray(0, this.capturedLength));
      this.captured = next;
    }
    this.captured.set(buf.subarray(from, to), this.capturedLength);
    this.capturedLength = needed;
  }
}
