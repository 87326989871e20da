import { UsageError } from '../errors.js';
import { parseNodeId } from './options.js';

/** Object ids as positional arguments after the snapshot: `heapdiff path app.heapsnapshot @1234`. */
export const idsPositional = {
  type: 'string',
  array: true,
  describe: 'Object id(s): 12345 or @12345, as DevTools shows them',
} as const;

/** `--id`, kept beside the positional form. */
export const idOption = {
  type: 'string',
  array: true,
  describe: 'Object id, the same as the positional form (repeatable)',
} as const;

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The object ids given positionally and with `--id`, in order, without repeats. `max` 1 is for
 * commands about one object (`path`, `inspect`).
 */
export function readObjectIds(positional: unknown, flagged: unknown, command: string, opts: { min?: number; max?: number; example?: string } = {}): number[] {
  const ids: number[] = [];
  const given = [...asList(positional).map((value) => [value, ''] as const), ...asList(flagged).map((value) => [value, '--id'] as const)];
  for (const [value, option] of given) {
    const id = parseNodeId(value, option);
    if (!ids.includes(id)) ids.push(id);
  }
  const { min = 1, max = Infinity } = opts;
  const example = opts.example ?? `heapdiff ${command} app.heapsnapshot @12345`;
  if (ids.length < min) throw new UsageError(`${command} needs an object id after the snapshot, e.g. ${example}`);
  if (ids.length > max) throw new UsageError(`${command} takes one object id, got ${ids.length}`);
  return ids;
}
