'use strict';
// A heap of about 25 MB: big enough that the parser splits the edges array between two threads
// (the fuzz suite compares that with the one-thread parse on mutated copies).
// Usage: node --expose-gc large-list.cjs <out.heapsnapshot>
const v8 = require('node:v8');

const out = process.argv[2];
if (!out) throw new Error('usage: large-list.cjs <out.heapsnapshot>');

class Item {
  constructor(i) {
    this.index = i;
    this.label = `item-${i}`;
    this.tags = [i, i + 1];
    this.next = null;
  }
}
const items = [];
for (let i = 0; i < 70_000; i++) {
  const item = new Item(i);
  if (i > 0) items[i - 1].next = item;
  items.push(item);
}
globalThis.__heapdiffLargeList = items;

if (typeof global.gc === 'function') global.gc();
v8.writeHeapSnapshot(out);
