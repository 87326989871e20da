// The tools compared by run.mjs. Each runs as its own node process on one snapshot file.
import path from 'node:path';
import { benchDir, repoRoot } from './lib/paths.mjs';

const BIG_HEAP = '--max-old-space-size=16000';

export const TOOLS = [
  {
    name: 'heapdiff',
    script: path.join(repoRoot, 'packages/cli/bundle/heapdiff.js'), // `summary`
    args: (file) => ['summary', file, '--json'],
    nodeArgs: [],
    discardStdout: true, // the JSON summary itself goes to /dev/null
  },
  { name: 'devtools', script: path.join(benchDir, 'tools/devtools.mjs'), args: (f) => [f], nodeArgs: [BIG_HEAP] },
  { name: 'memlab', script: path.join(benchDir, 'tools/memlab.mjs'), args: (f) => [f], nodeArgs: [BIG_HEAP] },
  {
    name: 'heapsnapshot-parser', script: path.join(benchDir, 'tools/heapsnapshot-parser.mjs'),
    args: (f) => [f], nodeArgs: [BIG_HEAP],
  },
];

export const BASELINE = 'devtools';

const CLI = path.join(repoRoot, 'packages/cli/bundle/heapdiff.js');

/**
 * Run on a snapshot and its `second` (a later snapshot of the same process, see snapshots.mjs):
 * `leaks` reads the first one's ids and analyses the second; its bar is 1.5x `summary` (tool
 * `heapdiff`) on the first. `summary` of the second shows how much is the second's larger graph.
 */
export const PAIR_TOOLS = [
  { name: 'heapdiff-leaks', script: CLI, args: (first, second) => ['leaks', first, second, '--json'], nodeArgs: [], discardStdout: true },
  { name: 'heapdiff-summary-2', script: CLI, args: (_first, second) => ['summary', second, '--json'], nodeArgs: [], discardStdout: true },
];
