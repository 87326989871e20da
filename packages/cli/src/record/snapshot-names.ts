/**
 * File names for a recording, in order, matching the roles `heapdiff leaks` gives them:
 * `1-baseline`, `2-target`, and the last one `N-final` (memlab's three-snapshot method); any in
 * between are `k-snapshot`. A single snapshot is `1-snapshot`.
 */
export function snapshotNames(count: number): string[] {
  if (count === 1) return ['1-snapshot.heapsnapshot'];
  return Array.from({ length: count }, (_, i) => {
    const role = i === 0 ? 'baseline' : i === 1 ? 'target' : i === count - 1 ? 'final' : 'snapshot';
    return `${i + 1}-${role}.heapsnapshot`;
  });
}
