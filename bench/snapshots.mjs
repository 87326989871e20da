// The benchmark snapshots: which workload makes each one, and with what arguments.
// Sizes measured with node 24.21, typescript 5.9.3, @types/node 20.19 (from the root devDependencies).
export const SNAPSHOTS = [
  {
    name: 'tsc-small', // ~169 MB, ~1.56M nodes: one Program, 50 of its 197 files type-checked
    workload: 'workloads/tsc-workload.mjs', args: ['0', '50'], heapMB: 4096,
    // Then the same process checks 10 more files and writes tsc-small-2, then 10 more for
    // tsc-small-3: the three-snapshot series `leaks` and `suspects` are timed on.
    series: [{ name: 'tsc-small-2', args: ['10'] }, { name: 'tsc-small-3', args: ['10'] }],
  },
  {
    name: 'tsc-large', // ~869 MB, ~7.0M nodes: 3 fully checked Programs + one with lib.es5/lib.dom checked
    workload: 'workloads/tsc-workload.mjs', args: ['3', '-14'], heapMB: 8192,
  },
  {
    // ~2.7 GB, ~39M nodes, ~99M edges: a Map cache of 9.45M small records. About 3 min; V8's
    // snapshot writer peaks at ~21.6 GB RSS for this one, so it needs nearly the whole 24 GB machine.
    name: 'cache-huge',
    workload: 'workloads/cache-workload.mjs', args: ['9450000'], heapMB: 16384, huge: true, needsGB: 22,
    // The same cache grown by 100,000 records twice more: the series `leaks` and `suspects` are timed on.
    series: [{ name: 'cache-huge-2', args: ['9550000'] }, { name: 'cache-huge-3', args: ['9650000'] }],
  },
];

export function selectSnapshots({ only, huge }) {
  return SNAPSHOTS.filter((s) => (only ? only.includes(s.name) : huge || !s.huge));
}
