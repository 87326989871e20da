// Chrome DevTools heap snapshot worker (via heap-snapshot-toolkit): load the snapshot
// (parse, build edges/retainers, dominators, retained sizes) and compute class aggregates.
// Usage: node tools/devtools.mjs <file>. Prints a one-line JSON summary.
import { createReadStream } from 'node:fs';
import { parse } from 'heap-snapshot-toolkit';

const file = process.argv[2];
const t0 = performance.now();
const snapshot = await parse(createReadStream(file, 'utf-8'));
const t1 = performance.now();
const aggregates = Object.values(snapshot.aggregatesWithFilter({}));
const t2 = performance.now();
let count = 0, self = 0;
for (const a of aggregates) { count += a.count; self += a.self; }
console.log(JSON.stringify({
  classes: aggregates.length, objects: count, selfSize: self,
  loadS: +((t1 - t0) / 1000).toFixed(2), aggregateS: +((t2 - t1) / 1000).toFixed(2),
}));
