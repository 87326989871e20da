// The benchmark snapshots: which workload makes each one, and with what arguments.
// Sizes measured with node 24.x, typescript 5.9, @types/node 20.19 (see README.md).
export const SNAPSHOTS = [
  {
    name: 'tsc-small', // ~169 MB, ~1.56M nodes: one Program, 50 of its 197 files type-checked
    workload: 'workloads/tsc-workload.mjs', args: ['0', '50'], heapMB: 4096,
  },
  {
    name: 'tsc-large', // ~869 MB, ~7.0M nodes: 3 fully checked Programs + one with lib.es5/lib.dom checked
    workload: 'workloads/tsc-workload.mjs', args: ['3', '-14'], heapMB: 8192,
  },
  {
    name: 'cache-huge', // ~2.7 GB, ~39M nodes, ~99M edges: a Map cache of 9.45M small records
    workload: 'workloads/cache-workload.mjs', args: ['9450000'], heapMB: 16384, huge: true,
  },
];

export function selectSnapshots({ only, huge }) {
  return SNAPSHOTS.filter((s) => (only ? only.includes(s.name) : huge || !s.huge));
}
