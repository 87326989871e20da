// The tools compared by run.mjs. Each runs as its own node process on one snapshot file.
import path from 'node:path';
import { benchDir, repoRoot } from './lib/paths.mjs';

const BIG_HEAP = '--max-old-space-size=16000';

export const TOOLS = [
  {
    name: 'heapdiff',
    script: path.join(repoRoot, 'packages/cli/dist/bin.js'),
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
