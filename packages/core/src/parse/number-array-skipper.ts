import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACKET, COMMA, DIGIT_0, DIGIT_9, describeByte, isWhitespace } from './bytes.js';

/**
 * Skips a number array (opening bracket consumed) at memchr speed: such an array holds only
 * digits, commas and whitespace, so its first ']' ends it. Spot-checks the byte before it.
 */
export class NumberArraySkipper {
  done = false;

  constructor(private readonly what: string) {}

  write(buf: Buffer, start: number, end: number, base: number): number {
    const close = buf.indexOf(CLOSE_BRACKET, start);
    if (close === -1 || close >= end) return end;
    for (let i = close - 1; i >= start; i--) {
      const c = buf[i]!;
      if (isWhitespace(c)) continue;
      if ((c < DIGIT_0 || c > DIGIT_9) && c !== COMMA && c !== 0x5b) {
        throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', `${this.what} array: unexpected ${describeByte(c)}`, base + i);
      }
      break;
    }
    this.done = true;
    return close + 1;
  }
}
