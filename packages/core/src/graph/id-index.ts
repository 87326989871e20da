/**
 * Open-addressing hash from object id to position in an id array. Also serves as the id set of a
 * snapshot that is only needed for its ids. Each slot holds the id and its position + 1 (0:
 * empty) side by side, so a lookup costs one cache miss: `leaks` looks up every object of one
 * snapshot in another's index.
 *
 * Ids come from files, which may be crafted: under a fixed hash, ids chosen to land in one slot
 * make linear probing quadratic. Slots are therefore placed by simple tabulation hashing with
 * tables drawn at random once per thread (Pătrașcu & Thorup, "The Power of Simple Tabulation
 * Hashing", J. ACM 2012): linear probing then takes O(1) expected probes per operation for every
 * set of ids, since no file can know the tables. An index carries its tables with it (parts()).
 */
export class IdIndex {
  private readonly slots: Uint32Array;
  /** Four tables of 256 random words, one per byte of an id. */
  private readonly tables: Uint32Array;
  private readonly mask: number;
  private readonly shift: number;
  private count: number;
  /** The type of the node at each position, when the index was read from a snapshot's nodes. */
  nodeTypes: IndexedNodeTypes | null;

  /** Indexes `ids` (a repeated id keeps its first position). */
  constructor(ids: Uint32Array, built?: IdIndexParts) {
    const parts = built ?? { slots: new Uint32Array(2 * tableSize(ids.length)), size: 0, tables: threadTables() };
    this.slots = parts.slots;
    this.tables = parts.tables;
    const size = parts.slots.length / 2;
    this.mask = size - 1;
    this.shift = 32 - (31 - Math.clz32(size));
    this.count = parts.size;
    this.nodeTypes = parts.nodeTypes ?? null;
    if (!built) this.addRange(ids, 0, ids.length);
  }

  /** An empty index with room for `capacity` ids, filled with addRange(). */
  static withCapacity(capacity: number): IdIndex {
    return new IdIndex(new Uint32Array(0), { slots: new Uint32Array(2 * tableSize(capacity)), size: 0, tables: threadTables() });
  }

  /** How many distinct ids the index holds. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds `ids[from..to)` at their positions (capacity permitting: see withCapacity). Returns the
   * first position whose id was already in the index, or -1; a repeated id keeps its first position.
   */
  addRange(ids: Uint32Array, from: number, to: number): number {
    const { slots, tables, mask, shift } = this;
    let repeated = -1;
    let added = 0;
    for (let o = from; o < to; o++) {
      const id = ids[o]!;
      let slot = slotOf(tables, id, shift);
      while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== id) slot = (slot + 1) & mask;
      if (slots[2 * slot + 1] === 0) {
        slots[2 * slot] = id;
        slots[2 * slot + 1] = o + 1;
        added++;
      } else if (repeated < 0) {
        repeated = o;
      }
    }
    this.count += added;
    return repeated;
  }

  /** Adds `id` at `position` (capacity permitting); false, and no change, if it was already there. */
  add(id: number, position: number): boolean {
    const slots = this.slots;
    let slot = slotOf(this.tables, id, this.shift);
    while (slots[2 * slot + 1] !== 0) {
      if (slots[2 * slot] === id) return false;
      slot = (slot + 1) & this.mask;
    }
    slots[2 * slot] = id;
    slots[2 * slot + 1] = position + 1;
    this.count++;
    return true;
  }

  /** Position of `id` in the array the index was built from, or -1. */
  get(id: number): number {
    const slots = this.slots;
    let slot = slotOf(this.tables, id, this.shift);
    for (let position = slots[2 * slot + 1]!; position !== 0; position = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === id) return position - 1;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }

  /** The table and its hash, to hand to another thread (threads/ids-job.ts). */
  parts(): IdIndexParts {
    return { slots: this.slots, size: this.count, tables: this.tables, nodeTypes: this.nodeTypes };
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
  /** The hash the slots were placed with: four tables of 256 words. */
  tables: Uint32Array;
  nodeTypes?: IndexedNodeTypes | null;
}

/** What kind of object is at each position of an id index of a snapshot's nodes. */
export interface IndexedNodeTypes {
  /** Per position: an index into `names`, or a value beyond it where the file's was out of range. */
  column: Uint8Array;
  names: string[];
}

/** Slots for `capacity` ids: a power of two, at least twice as many (load factor ≤ 1/2). */
function tableSize(capacity: number): number {
  let bits = 4;
  while (2 ** bits < capacity * 2) bits++;
  return 2 ** bits;
}

let tablesOfThisThread: Uint32Array | null = null;

function threadTables(): Uint32Array {
  if (tablesOfThisThread) return tablesOfThisThread;
  const tables = new Uint32Array(4 * 256);
  // Web Crypto where the runtime has it as a global (Node 19+); else V8's Math.random, seeded from
  // the system per isolate: neither is anything a snapshot file can predict.
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(tables);
  else for (let i = 0; i < tables.length; i++) tables[i] = Math.floor(Math.random() * 2 ** 32);
  tablesOfThisThread = tables;
  return tables;
}

/** Simple tabulation: one random word per byte of the id, xored; the high bits pick the slot. */
function slotOf(t: Uint32Array, id: number, shift: number): number {
  return (t[id & 0xff]! ^ t[0x100 | ((id >>> 8) & 0xff)]! ^ t[0x200 | ((id >>> 16) & 0xff)]! ^ t[0x300 | (id >>> 24)]!) >>> shift;
}

/** Slots a lookup of `id` reads, the last one included: what the tests bound for crafted ids. */
export function probeCount(index: IdIndex, id: number): number {
  const { slots, tables } = index.parts();
  const mask = slots.length / 2 - 1;
  const shift = 32 - (31 - Math.clz32(slots.length / 2));
  let slot = slotOf(tables, id, shift);
  let probes = 1;
  while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== id) {
    slot = (slot + 1) & mask;
    probes++;
  }
  return probes;
}
