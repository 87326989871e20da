'use strict';
// A bounded LRU cache: at most `capacity` entries, the least recently used one evicted first.
class Entry {
  constructor(key) {
    this.key = key;
    this.value = `value of ${key}`;
  }
}

class LruCache {
  constructor(capacity) {
    this.capacity = capacity;
    this.entries = new Map();
  }

  get(key) {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = new Entry(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value);
    return entry;
  }
}

module.exports = { cache: new LruCache(100) };
