/**
 * Open-addressing hash from object id to position in an id array (ids are unique per
 * snapshot). Also serves as the id set of a snapshot that is only needed for its ids.
 */
export class IdIndex {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  readonly size: number;

  constructor(ids: Uint32Array, built?: IdIndexParts) {
    let bits = 4;
    while (1 << bits < ids.length * 2) bits++;
    if (built) bits = 31 - Math.clz32(built.keys.length);
    const size = 1 << bits;
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.size = built ? built.size : ids.length;
    if (built) {
      this.keys = built.keys;
      this.values = built.values;
      return;
    }
    this.keys = new Uint32Array(size);
    this.values = new Int32Array(size).fill(-1);
    for (let o = 0; o < ids.length; o++) {
      const id = ids[o]!;
      let slot = hashId(id, this.shift);
      while (this.values[slot] !== -1 && this.keys[slot] !== id) slot = (slot + 1) & this.mask;
      if (this.values[slot] === -1) {
        this.keys[slot] = id;
        this.values[slot] = o;
      }
    }
  }

  /** Position of `id` in the array the index was built from, or -1. */
  get(id: number): number {
    let slot = hashId(id, this.shift);
    while (this.values[slot] !== -1) {
      if (this.keys[slot] === id) return this.values[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }

  /** The table, to hand to another thread (see parse/ids-worker.ts). */
  parts(): IdIndexParts {
    return { keys: this.keys, values: this.values, size: this.size };
  }

  /** An index built elsewhere, from parts(). */
  static fromParts(parts: IdIndexParts): IdIndex {
    return new IdIndex(new Uint32Array(0), parts);
  }
}

export interface IdIndexParts {
  keys: Uint32Array;
  values: Int32Array;
  size: number;
}

/** Fibonacci hashing: the high bits of the product spread sequential ids evenly. */
function hashId(id: number, shift: number): number {
  return Math.imul(id, 0x9e3779b1) >>> shift;
}
