/**
 * Open-addressing hash from object id to position in an id array. Also serves as the id set of a
 * snapshot that is only needed for its ids. Each slot holds the id and its position + 1 (0:
 * empty) side by side, so a lookup costs one cache miss: `leaks` looks up every object of one
 * snapshot in another's index.
 *
 * Slots are placed by the id's low bits first (id mod the table size): V8 numbers objects 1, 3,
 * 5… in the order it first sees them, so a snapshot's ids fill the odd slots of a table twice
 * their number without a collision, and both building the index and looking up a snapshot's ids
 * in order walk memory in order (a scattering hash costs a cache miss per id: seconds on a 40M-node
 * heap). But ids come from files, which may be crafted: ids chosen for that fixed hash land in one
 * cluster and make linear probing quadratic. So no operation may read more than MAX_PROBES slots
 * under it: the first that would, rehashes the index with simple tabulation hashing on tables
 * drawn at random once per thread (Pătrașcu & Thorup, "The Power of Simple Tabulation Hashing",
 * J. ACM 2012), under which linear probing takes O(1) expected probes per operation for every set
 * of ids, since no file can know the tables. An index carries its hash with it (parts()).
 */
export class IdIndex {
  private slots: Uint32Array;
  /** Four tables of 256 random words, one per byte of an id; null while the id's low bits place it. */
  private tables: Uint32Array | null;
  private readonly mask: number;
  private readonly shift: number;
  private count: number;
  private largestOdd: number;
  /** The type of the node at each position, when the index was read from a snapshot's nodes. */
  nodeTypes: IndexedNodeTypes | null;

  /** Indexes `ids` (a repeated id keeps its first position). */
  constructor(ids: Uint32Array, built?: IdIndexParts) {
    const parts = built ?? { slots: new Uint32Array(2 * tableSize(ids.length)), size: 0, tables: null };
    this.slots = parts.slots;
    this.tables = parts.tables;
    const size = parts.slots.length / 2;
    this.mask = size - 1;
    this.shift = 32 - (31 - Math.clz32(size));
    this.count = parts.size;
    this.largestOdd = parts.largestOdd ?? 0;
    this.nodeTypes = parts.nodeTypes ?? null;
    if (!built) this.addRange(ids, 0, ids.length);
  }

  /** An empty index with room for `capacity` ids, filled with add() or addRange(). */
  static withCapacity(capacity: number): IdIndex {
    return new IdIndex(new Uint32Array(0), { slots: new Uint32Array(2 * tableSize(capacity)), size: 0, tables: null });
  }

  /** How many distinct ids the index holds. */
  get size(): number {
    return this.count;
  }

  /** The largest odd id (V8 numbers the heap's objects with odd ids), or 0: kept as ids are added. */
  get largestOddId(): number {
    return this.largestOdd;
  }

  /**
   * Adds `ids[from..to)` at their positions (capacity permitting: see withCapacity). Returns the
   * first position whose id was already in the index, or -1; a repeated id keeps its first position.
   */
  addRange(ids: Uint32Array, from: number, to: number): number {
    let repeated = -1;
    for (let o = from; o < to; o++) if (!this.add(ids[o]!, o) && repeated < 0) repeated = o;
    return repeated;
  }

  /** Adds `id` at `position` (capacity permitting); false, and no change, if it was already there. */
  add(id: number, position: number): boolean {
    // The home slot inline, as in get(); the rest in addProbing().
    const slots = this.slots;
    const t = this.tables;
    const slot = t === null
      ? id & this.mask
      : (t[id & 0xff]! ^ t[0x100 | ((id >>> 8) & 0xff)]! ^ t[0x200 | ((id >>> 16) & 0xff)]! ^ t[0x300 | (id >>> 24)]!) >>> this.shift;
    if (slots[2 * slot + 1] === 0) {
      slots[2 * slot] = id;
      slots[2 * slot + 1] = position + 1;
      this.count++;
      if ((id & 1) === 1 && id > this.largestOdd) this.largestOdd = id;
      return true;
    }
    if (slots[2 * slot] === id) return false;
    return this.addProbing(id, position, slot);
  }

  /** add() past the home slot, which holds another id. */
  private addProbing(id: number, position: number, home: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (home + 1) & mask;
    for (let probes = 2; slots[2 * slot + 1] !== 0; probes++) {
      if (slots[2 * slot] === id) return false;
      if (probes === MAX_PROBES && this.tables === null) {
        this.rehash();
        return this.add(id, position);
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = id;
    slots[2 * slot + 1] = position + 1;
    this.count++;
    if ((id & 1) === 1 && id > this.largestOdd) this.largestOdd = id;
    return true;
  }

  /** Position of `id` in the array the index was built from, or -1. */
  get(id: number): number {
    // The first slot inline (nearly every lookup ends there); the rest in probe().
    const slots = this.slots;
    const t = this.tables;
    const slot = t === null
      ? id & this.mask
      : (t[id & 0xff]! ^ t[0x100 | ((id >>> 8) & 0xff)]! ^ t[0x200 | ((id >>> 16) & 0xff)]! ^ t[0x300 | (id >>> 24)]!) >>> this.shift;
    const position = slots[2 * slot + 1]!;
    if (position === 0) return -1;
    if (slots[2 * slot] === id) return position - 1;
    return this.probe(id, slot);
  }

  /** get() past the home slot, which holds another id. */
  private probe(id: number, home: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = (home + 1) & mask;
    for (let probes = 2, position = slots[2 * slot + 1]!; position !== 0; probes++, position = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === id) return position - 1;
      if (probes === MAX_PROBES && this.tables === null) {
        this.rehash();
        return this.get(id);
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }

  /** The table and its hash, to hand to another thread (threads/ids-job.ts). */
  parts(): IdIndexParts {
    return { slots: this.slots, size: this.count, tables: this.tables, nodeTypes: this.nodeTypes, largestOdd: this.largestOdd };
  }

  /** An index built elsewhere, from parts(). */
  static fromParts(parts: IdIndexParts): IdIndex {
    return new IdIndex(new Uint32Array(0), parts);
  }

  /** Places every id again under this thread's random tables. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Uint32Array(old.length);
    const tables = threadTables();
    const mask = this.mask;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = homeSlot(tables, old[s]!, this.shift, mask);
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[s]!;
      slots[2 * slot + 1] = old[s + 1]!;
    }
    this.slots = slots;
    this.tables = tables;
  }
}

export interface IdIndexParts {
  /** Per slot: id, position + 1. */
  slots: Uint32Array;
  size: number;
  /** The hash the slots were placed with: four tables of 256 words, or null for the id's low bits. */
  tables: Uint32Array | null;
  nodeTypes?: IndexedNodeTypes | null;
  /** The largest odd id added (0 for none). */
  largestOdd?: number;
}

/** What kind of object is at each position of an id index of a snapshot's nodes. */
export interface IndexedNodeTypes {
  /** Per position: an index into `names`, or a value beyond it where the file's was out of range. */
  column: Uint8Array;
  names: string[];
}

/**
 * Slots one operation may read under the fixed hash before the index switches to random tables.
 * V8's ids stay far below it while they span less than the table (clusters of a slot or two);
 * ids that wrap around it in long runs (a long-lived process's survivors) or a crafted file's cost
 * at most this many probes per operation before the switch, which happens once.
 */
const MAX_PROBES = 32;

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

/**
 * The id's low bits, or simple tabulation: one random word per byte of the id, xored, whose high
 * bits pick the slot. (get() and add() spell it out.)
 */
function homeSlot(t: Uint32Array | null, id: number, shift: number, mask: number): number {
  if (t === null) return id & mask;
  return (t[id & 0xff]! ^ t[0x100 | ((id >>> 8) & 0xff)]! ^ t[0x200 | ((id >>> 16) & 0xff)]! ^ t[0x300 | (id >>> 24)]!) >>> shift;
}

/** Slots a lookup of `id` reads now, the last one included: what the tests bound for crafted ids. */
export function probeCount(index: IdIndex, id: number): number {
  const { slots, tables } = index.parts();
  const mask = slots.length / 2 - 1;
  const shift = 32 - (31 - Math.clz32(slots.length / 2));
  let slot = homeSlot(tables, id, shift, mask);
  let probes = 1;
  while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== id) {
    slot = (slot + 1) & mask;
    probes++;
  }
  return probes;
}

/** Whether the index has switched to random tables (test-visible, like probeCount). */
export function usesRandomTables(index: IdIndex): boolean {
  return index.parts().tables !== null;
}
