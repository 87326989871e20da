/**
 * (class, script, line, column) → id, in typed arrays. The locations array has a row for most
 * objects, and a Map keyed by numbers past the small-integer range allocates a heap number per
 * lookup: megabytes of garbage that grew the heap by more than the class table itself. Open
 * addressing, linear probing, grown at half full.
 */
export class LocationKeys {
  private keys = new Uint32Array(4 * 64);
  private ids = new Int32Array(64).fill(-1);
  private size = 0;

  /** The id stored for the key, or -1. */
  find(base: number, script: number, line: number, column: number): number {
    const mask = this.ids.length - 1;
    for (let slot = hash(base, script, line, column) & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]!;
      const k = 4 * slot;
      if (id < 0 || (this.keys[k] === base && this.keys[k + 1] === script && this.keys[k + 2] === line && this.keys[k + 3] === column)) return id;
    }
  }

  /** Stores an id for a key find() did not have. */
  add(base: number, script: number, line: number, column: number, id: number): void {
    if (++this.size * 2 > this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    let slot = hash(base, script, line, column) & mask;
    while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
    const k = 4 * slot;
    this.keys[k] = base;
    this.keys[k + 1] = script;
    this.keys[k + 2] = line;
    this.keys[k + 3] = column;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.size = 1; // the entry being added
    for (let s = 0; s < ids.length; s++) {
      if (ids[s]! >= 0) this.add(keys[4 * s]!, keys[4 * s + 1]!, keys[4 * s + 2]!, keys[4 * s + 3]!, ids[s]!);
    }
  }
}

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
