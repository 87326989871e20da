// memlab: getFullHeapFromFile() parses the snapshot and then runs memlab's preparePathFinder
// (shortest paths from GC roots, dominator tree and retained sizes for all nodes).
// Usage: node tools/memlab.mjs <file>. Prints a one-line JSON summary as its last line.
// (memlab re-exports @memlab/heap-analysis's getFullHeapFromFile; only memlab is a direct dependency.)
import { getFullHeapFromFile } from 'memlab';

const file = process.argv[2];
const t0 = performance.now();
const heap = await getFullHeapFromFile(file);
const t1 = performance.now();
let maxRetained = 0;
heap.nodes.forEach((node) => { if (node.retainedSize > maxRetained) maxRetained = node.retainedSize; });
console.log(JSON.stringify({
  nodes: heap.nodes.length, edges: heap.edges.length, maxRetainedSize: maxRetained,
  loadS: +((t1 - t0) / 1000).toFixed(2),
}));
