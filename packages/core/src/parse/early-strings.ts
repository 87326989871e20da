import { StringArrayTokenizer, type StringLimits } from './string-array.js';

/**
 * A strings array that comes before the nodes array (not V8's order, but valid JSON). Until the
 * nodes array confirms the header's counts, the bound on the strings rests on the header alone,
 * so the array is checked and counted as it streams in but kept as bytes, a fraction of what
 * the strings would take, and decoded at the end. Its errors are the tokenizer's, in file order.
 */
export class EarlyStrings {
  done = false;
  private readonly check: StringArrayTokenizer;
  private readonly chunks: Buffer[] = [];

  constructor(
    limits: StringLimits,
    /** Stream offset of the array's first byte after '['. */
    private readonly start: number,
  ) {
    this.check = new StringArrayTokenizer('strings', { ...limits, maxHeapBytes: Infinity }, false);
  }

  write(buf: Buffer, start: number, end: number, base: number): number {
    const i = this.check.write(buf, start, end, base);
    this.chunks.push(Buffer.from(buf.subarray(start, i)));
    this.done = this.check.done;
    return i;
  }

  /** The strings, under the bounds the rest of the file has confirmed. */
  decode(limits: StringLimits): StringArrayTokenizer {
    const bytes = Buffer.concat(this.chunks);
    this.chunks.length = 0;
    const strings = new StringArrayTokenizer('strings', limits);
    strings.write(bytes, 0, bytes.length, this.start);
    return strings;
  }
}
