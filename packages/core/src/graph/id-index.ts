/**
 * Open-addressing hash from object id to position in an id array (ids are unique per
 * snapshot). Also serves as the id set of a snapshot that is only needed for its ids. Each slot
 * holds the id and its position + 1 (0: empty) side by side, so a lookup costs one cache miss:
 * `leaks` looks up every object of one snapshot in another's index.
 */
export class IdIndex {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly shift: number;
  readonly size: number;

  constructor(ids: Uint32Array, built?: IdIndexParts) {
    let bits = 4;
    while (1 << bits < ids.length * 2) bits++;
    if (built) bits = 31 - Math.clz32(built.slots.length / 2);
    const size = 1 << bits;
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.size = built ? built.size : ids.length;
    if (built) {
      this.slots = built.slots;
      return;
    }
    const slots = (this.slots = new Uint32Array(2 * size));
    for (let o = 0; o < ids.length; o++) {
      const id = ids[o]!;
      let slot = hashId(id, this.shift);
      while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== id) slot = (slot + 1) & this.mask;
      if (slots[2 * slot + 1] === 0) {
        slots[2 * slot] = id;
        slots[2 * slot + 1] = o + 1;
      }
    }
  }

  /** Position of `id` in the array the index was built from, or -1. */
  get(id: number): number {
    const slots = this.slots;
    let slot = hashId(id, this.shift);
    for (let position = slots[2 * slot + 1]!; position !== 0; position = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === id) return position - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }

  /** The table, to hand to another thread (see parse/ids-worker.ts). */
  parts(): IdIndexParts {
    return { slots: this.slots, size: this.size };
  }

  /** An index built elsewhere, from parts(). */
  static fromParts(parts: IdIndexParts): IdIndex {
    return new IdIndex(new Uint32Array(0), parts);
  }
}

export interface IdIndexParts {
  /** Per slot: id, position + 1. */
  slots: Uint32Array;
  size: number;
}

/** Fibonacci hashing: the high bits of the product spread sequential ids evenly. */
function hashId(id: number, shift: number): number {
  return Math.imul(id, 0x9e3779b1) >>> shift;
}
