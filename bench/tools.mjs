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
 * Run on a snapshot's series (later snapshots of the same process, see snapshots.mjs): `leaks` on
 * the whole series and `suspects` on its last snapshot, each against `summary` of that last one
 * (the bars: leaks 2x, suspects 1.3x).
 */
export const SERIES_TOOLS = [
  { name: 'heapdiff-leaks', script: CLI, args: (series) => ['leaks', ...series, '--json'], nodeArgs: [], discardStdout: true },
  { name: 'heapdiff-suspects', script: CLI, args: (series) => ['suspects', series.at(-1), '--json'], nodeArgs: [], discardStdout: true },
  { name: 'heapdiff-summary-last', script: CLI, args: (series) => ['summary', series.at(-1), '--json'], nodeArgs: [], discardStdout: true },
];
