/**
 * Node-sized scratch memory handed from one analysis step to the next. The dominator pass needs
 * five arrays at once and frees most of them together; the steps after it need about as many. Reusing them keeps
 * peak memory at the dominator pass instead of stacking the next steps on top of garbage the
 * collector has not returned yet. Returned arrays are carved into smaller ones as needed.
 */
export class ScratchPool {
  private readonly free: Uint32Array[] = [];

  /**
   * `nodeCount`, when given, sizes new memory in whole units of nodeCount + 2 words: steps ask
   * for n, n + 1 or 2n + 2 entries, and without the rounding an n-entry array given back could
   * never serve an (n + 1)-entry request, leaving a node-sized array unused at the peak.
   */
  constructor(private readonly nodeCount = 0) {}

  /**
   * A zeroed array of `length` entries; with `zeroed` false, reused memory keeps old contents
   * (for callers that write every entry before reading it: zeroing costs a pass over memory).
   */
  take(length: number, zeroed = true): Uint32Array {
    const i = this.free.findIndex((a) => a.length >= length);
    return i < 0 ? this.allocate(length) : this.carve(i, length, zeroed);
  }

  /** A zeroed array in shared memory, for a worker to fill. */
  takeShared(length: number): Uint32Array {
    const i = this.free.findIndex((a) => a.length >= length && a.buffer instanceof SharedArrayBuffer);
    return i < 0 ? this.allocate(length) : this.carve(i, length);
  }

  private allocate(length: number): Uint32Array {
    const unit = this.nodeCount + 2;
    if (this.nodeCount === 0 || length < unit / 2) return sharedWords(length);
    const words = sharedWords(Math.ceil(length / unit) * unit);
    const rest = length + (length & 1); // carved pieces stay 8-byte aligned, as in carve()
    if (words.length > rest) this.free.push(words.subarray(rest));
    return words.subarray(0, length);
  }

  /** A zeroed Float64Array of `length` entries (see take() for `zeroed`). */
  takeFloat64(length: number, zeroed = true): Float64Array {
    const i = this.free.findIndex((a) => a.length >= 2 * length && a.byteOffset % 8 === 0);
    if (i < 0) return new Float64Array(length);
    const words = this.carve(i, 2 * length, zeroed);
    return new Float64Array(words.buffer, words.byteOffset, length);
  }

  /** Returns arrays the caller no longer reads or writes (views: only their own range is reused). */
  give(...arrays: (Uint32Array | Float64Array)[]): void {
    for (const a of arrays) {
      if (a.length > 0) this.free.push(new Uint32Array(a.buffer, a.byteOffset, a.byteLength >>> 2));
    }
  }

  private carve(i: number, length: number, zeroed = true): Uint32Array {
    const segment = this.free[i]!;
    // Keep carved pieces 8-byte aligned so a later piece can back a Float64Array.
    const used = length + (length & 1);
    if (segment.length > used) this.free[i] = segment.subarray(used);
    else this.free.splice(i, 1);
    const piece = segment.subarray(0, length);
    return zeroed ? piece.fill(0) : piece;
  }
}

/** New pool memory is shared so that any of it can be handed to a worker; it costs the same. */
const sharedWords = (length: number): Uint32Array => new Uint32Array(new SharedArrayBuffer(length * 4));

/** Without a pool a step allocates its own memory. */
export const takeFrom = (pool: ScratchPool | undefined, length: number, zeroed = true): Uint32Array => pool?.take(length, zeroed) ?? new Uint32Array(length);

/** Scratch the caller writes in full before reading (see ScratchPool.take). */
export const UNINITIALIZED = false;
