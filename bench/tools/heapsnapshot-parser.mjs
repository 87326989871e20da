// heapsnapshot-parser 0.1.0: reads the whole file into one string and builds node/edge objects.
// Usage: node tools/heapsnapshot-parser.mjs <file>. Prints a one-line JSON summary.
import { readFileSync } from 'node:fs';
import parser from 'heapsnapshot-parser';

const file = process.argv[2];
const t0 = performance.now();
const snapshot = parser.parse(readFileSync(file, 'utf8'));
const t1 = performance.now();
console.log(JSON.stringify({
  nodes: snapshot.nodes.length, edges: snapshot.edges.length, loadS: +((t1 - t0) / 1000).toFixed(2),
}));
