// Snapshot workload: an in-memory cache of millions of small records, then a heap snapshot.
// Usage: node cache-workload.mjs <out.heapsnapshot> <entries> [<out2> <entries2> ...]
// Later snapshots of the same process (same object ids) after growing the cache to entries2, ...
// Each entry: a unique string key in a Map -> CacheEntry { id (smi), name (string, 1000 distinct
// contents but a fresh object each), score (heap number), owner (one of 64 shared objects) };
// every 16th entry is a TaggedEntry with an extra 2-element array of shared strings.
// That is ~4.1 nodes and ~10.5 edges per entry.
import v8 from 'node:v8';

const argv = process.argv.slice(2);
const series = [];
for (let i = 0; i < argv.length; i += 2) series.push({ out: argv[i], entries: Number(argv[i + 1] ?? '1000000') });
const TAGS = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black', 'white'];
const owners = Array.from({ length: 64 }, (_, i) => ({ name: `owner-${i}`, since: 2000 + i }));

class CacheEntry {
  constructor(i) {
    this.id = i;
    this.name = 'user-' + (i % 1000);
    this.score = i + 0.5;
    this.owner = owners[i & 63];
  }
}
class TaggedEntry extends CacheEntry {
  constructor(i) {
    super(i);
    this.tags = [TAGS[i & 7], TAGS[(i >> 3) & 7]];
  }
}

const caches = [new Map()];
globalThis.__keepAlive = caches;
let i = 0;
for (const { out, entries } of series) {
  const t0 = Date.now();
  for (; i < entries; i++) {
    // A Map holds at most 2^24 entries; use several smaller ones.
    if (caches.at(-1).size === 4_000_000) caches.push(new Map());
    caches.at(-1).set('k' + i.toString(36), i % 16 === 0 ? new TaggedEntry(i) : new CacheEntry(i));
  }
  const mb = (process.memoryUsage().heapUsed / 1e6).toFixed(0);
  console.log(`${entries} cache entries in ${caches.length} maps, heap ${mb} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  v8.writeHeapSnapshot(out);
  console.log(`snapshot written in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}
