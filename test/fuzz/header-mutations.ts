// Changes to the `snapshot` header: counts that lie, field lists of other layouts, type lists cut
// short, a root that is not a node, junk nested deep inside it.
import fc from 'fast-check';
import type { SnapshotMap } from './snapshot-map.js';

export type HeaderChange =
  | { field: 'node_count' | 'edge_count'; value: unknown }
  | { field: 'node_count' | 'edge_count'; delta: number }
  | { field: 'node_fields' | 'edge_fields'; edit: 'reverse' | 'drop' | 'extra' | 'many' | 'duplicate' | 'empty'; index: number }
  | { field: 'node_types' | 'edge_types'; edit: 'truncate' | 'reverse' | 'not-a-list' | 'empty'; keep: number }
  | { field: 'root_index'; value: unknown }
  | { field: 'extra_native_bytes'; value: unknown }
  | { field: 'meta'; edit: 'delete' | 'not-an-object' | 'deep-junk'; depth: number }
  | { field: 'snapshot'; value: unknown };

/** `[[[…]]]` or `{"k":{"k":…0}}`, `depth` deep; unbalanced, one closer short. */
export function nested(open: '[' | '{"k":', depth: number, balanced: boolean): string {
  const close = open === '[' ? ']' : '}';
  const inner = open === '[' ? '' : '0';
  return open.repeat(depth) + inner + close.repeat(balanced ? depth : depth - 1);
}

export function headerChangeArbitrary(map: SnapshotMap): fc.Arbitrary<HeaderChange> {
  const counts = fc.constantFrom<'node_count' | 'edge_count'>('node_count', 'edge_count');
  const weird = fc.constantFrom<unknown>(0, -1, 1.5, 1e12, 2 ** 32, 2 ** 53, '5', null, [], {}, true);
  return fc.oneof(
    fc.record({ field: counts, delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) }),
    fc.record({ field: counts, value: weird }),
    fc.record({
      field: fc.constantFrom<'node_fields' | 'edge_fields'>('node_fields', 'edge_fields'),
      edit: fc.constantFrom<'reverse' | 'drop' | 'extra' | 'many' | 'duplicate' | 'empty'>('reverse', 'drop', 'extra', 'many', 'duplicate', 'empty'),
      index: fc.nat({ max: 8 }),
    }),
    fc.record({
      field: fc.constantFrom<'node_types' | 'edge_types'>('node_types', 'edge_types'),
      edit: fc.constantFrom<'truncate' | 'reverse' | 'not-a-list' | 'empty'>('truncate', 'reverse', 'not-a-list', 'empty'),
      keep: fc.nat({ max: 16 }),
    }),
    fc.record({
      field: fc.constant<'root_index'>('root_index'),
      value: fc.oneof(fc.nat({ max: map.nodeCount - 1 }).map((o) => o * map.nodeFieldCount), fc.constantFrom<unknown>(1, -6, map.nodeCount * map.nodeFieldCount, 2 ** 40, 'x')),
    }),
    fc.record({ field: fc.constant<'extra_native_bytes'>('extra_native_bytes'), value: fc.constantFrom<unknown>(-1, 1e20, 0.5, 'x', 2 ** 60) }),
    fc.record({
      field: fc.constant<'meta'>('meta'),
      edit: fc.constantFrom<'delete' | 'not-an-object' | 'deep-junk'>('delete', 'not-an-object', 'deep-junk'),
      depth: fc.integer({ min: 1, max: 300_000 }),
    }),
    fc.record({ field: fc.constant<'snapshot'>('snapshot'), value: fc.constantFrom<unknown>([], 1, 'snapshot', null) }),
  );
}

/** The new header text (or what replaces it). */
export function changeHeader(map: SnapshotMap, change: HeaderChange): unknown {
  const header = structuredClone(map.header) as Record<string, unknown> & { meta: Record<string, unknown> };
  const meta = header.meta as { node_fields: string[]; edge_fields: string[]; node_types: unknown[]; edge_types: unknown[]; junk?: unknown };
  switch (change.field) {
    case 'node_count':
    case 'edge_count':
      header[change.field] = 'delta' in change ? (header[change.field] as number) + change.delta : change.value;
      break;
    case 'node_fields':
    case 'edge_fields': {
      const list = meta[change.field];
      const i = change.index % list.length;
      if (change.edit === 'reverse') list.reverse();
      else if (change.edit === 'drop') list.splice(i, 1);
      else if (change.edit === 'extra') list.splice(i, 0, 'extra_field');
      // More fields per record than any buffer of the parser holds (found: records were overrun).
      else if (change.edit === 'many') list.push(...Array.from({ length: 70_000 }, (_, k) => `f${k}`));
      else if (change.edit === 'duplicate') list.splice(i, 0, list[i]!);
      else meta[change.field] = [];
      break;
    }
    case 'node_types':
    case 'edge_types': {
      const types = meta[change.field][0] as string[];
      if (change.edit === 'truncate') meta[change.field][0] = types.slice(0, change.keep);
      else if (change.edit === 'reverse') types.reverse();
      else if (change.edit === 'not-a-list') meta[change.field][0] = 'hidden';
      else meta[change.field] = [];
      break;
    }
    case 'root_index':
    case 'extra_native_bytes':
      header[change.field] = change.value;
      break;
    case 'meta':
      if (change.edit === 'delete') delete (header as { meta?: unknown }).meta;
      else if (change.edit === 'not-an-object') header.meta = 'meta' as unknown as Record<string, unknown>;
      else return `${JSON.stringify(header).slice(0, -1)},"junk":${nested('[', change.depth, true)}}`;
      break;
    case 'snapshot':
      return JSON.stringify(change.value);
  }
  return JSON.stringify(header);
}
