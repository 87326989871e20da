import { UsageError } from '../errors.js';

/**
 * Snapshots are named the same way by every command that takes a series: positional
 * `<snapshots..>`, oldest first, and `#1`, `#2`, … in what the command prints.
 */
export const snapshotsPositional = {
  type: 'string',
  array: true,
  demandOption: true,
  describe: 'Snapshots of one process, oldest first (#1, #2, …)',
} as const;

/** `#2`: how output refers to the i-th (0-based) snapshot of a series. */
export function snapshotLabel(index: number): string {
  return `#${index + 1}`;
}

/** The series as given, checked for length: `growth` needs two or more, `report` two or three. */
export function readSnapshots(value: unknown, command: string, min: number, max = Infinity, example = `heapdiff ${command} 1.heapsnapshot 2.heapsnapshot`): string[] {
  const paths = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  if (paths.length < min) {
    throw new UsageError(`${command} needs at least ${min === 2 ? 'two' : min} snapshots, oldest first, e.g. ${example}`);
  }
  if (paths.length > max) throw new UsageError(`${command} takes at most ${max} snapshots, got ${paths.length}`);
  return paths;
}
