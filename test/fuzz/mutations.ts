// Mutations of a real snapshot, as plain data (fast-check prints them as counterexamples) plus
// the function that applies one. Each kind aims at one way real files go wrong: cut short by a
// full disk, bit rot, a writer with a different layout, hostile strings, absurd headers.
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { FILE_VARIANTS, NEUTRAL_VARIANTS, fileVariant, type FileVariant } from './file-variants.js';
import { changeHeader, headerChangeArbitrary, nested, type HeaderChange } from './header-mutations.js';
import type { SnapshotMap } from './snapshot-map.js';
import { applySplices, tokenText, type NumberSection, type Splice } from './splice.js';

type SkippedSection = 'trace_function_infos' | 'trace_tree' | 'samples';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; edits: { at: number; value: number }[] }
  | { kind: 'number'; section: NumberSection; token: number; text: string }
  | { kind: 'drop-number' | 'dup-number'; section: NumberSection; token: number }
  | { kind: 'drop-records' | 'dup-records'; section: NumberSection; record: number; count: number }
  /** Values that keep the file valid but change the graph: the parser accepts it, analyses must cope. */
  | { kind: 'retarget'; edits: { section: NumberSection; record: number; field: number; pick: number }[] }
  | { kind: 'header'; change: HeaderChange }
  | { kind: 'string'; string: number; offset: number; insert: string }
  /** A string replaced by a long near-miss of V8's WeakMap edge names (once made the analysis quadratic). */
  | { kind: 'long-name'; string: number; repeats: number }
  | { kind: 'nesting'; section: SkippedSection; depth: number; balanced: boolean; open: '[' | '{"k":' }
  | { kind: 'file'; variant: FileVariant; section: string }
  /** Node `record` takes the id of node `copyOf`: V8 never repeats an id, the parser must refuse it. */
  | { kind: 'duplicate-id'; record: number; copyOf: number }
  /** Strings nothing names appended: harmless up to the bound on strings, refused beyond it. */
  | { kind: 'extra-strings'; count: number; beyondBound: boolean }
  /** The snapshot written over a longer file: the last `tail` bytes of the file follow it again. */
  | { kind: 'overwritten'; tail: number }
  /** A cut snapshot followed by the tail of a longer file: still incomplete, still an error. */
  | { kind: 'cut-then-tail'; at: number; tail: number };

export type Container = { kind: 'plain' } | { kind: 'gzip' } | { kind: 'gzip-truncated'; at: number }
  /** Bytes after the gzip data that are not another member: read, with a warning. */
  | { kind: 'gzip-trailing'; bytes: number };

export interface FuzzCase {
  mutation: Mutation;
  container: Container;
}

/**
 * What to write: file bytes (and whether the result must equal the unmutated snapshot's, or
 * which error code it must end in), or a directory.
 */
export type Materialized = { directory: true } | { directory: false; bytes: Buffer; plainLength: number; neutral: boolean; expectedCode?: string };

/** The parser's bound on strings (parse/snapshot-parser.ts stringLimits), from the file's header. */
function stringBound(map: SnapshotMap): number {
  const traced = Math.min(Number(map.header.trace_function_count ?? 0), map.nodeCount);
  return 1 + map.nodeCount + map.edgeCount + 2 * traced + (1 << 16);
}

const WEIRD_NUMBERS = ['', '-1', '-0', '1.5', '0.0', '1e3', '1E+400', '-1e-7', '99999999999999999999', '4294967295',
  '4294967296', '9007199254740993', '0x10', 'NaN', 'null', '"1"', '[]', '00', '1 2'];
const BAD_STRING_BYTES = ['\\x41', '\\u12', '\\uZZZZ', '\\ud800', '\\udfff\\ud800', '\\', '\\\\\\', '\xff', '\xc3', '\xed\xa0\x80',
  '\xf4\x90\x80\x80', '\x00', '\n', '\x1b[31m', '"', '""', '\\"', '\\u0000', '\u202e'];
const SKIPPED: SkippedSection[] = ['trace_function_infos', 'trace_tree', 'samples'];
const SECTIONS = ['nodes', 'edges', 'strings', 'locations', 'trace_tree'];

export function mutationArbitrary(map: SnapshotMap): fc.Arbitrary<Mutation> {
  const size = map.bytes.length;
  const section = fc.constantFrom<NumberSection>('nodes', 'edges');
  const token = (s: NumberSection) => fc.nat({ max: map[s].start.length - 1 });
  const numberEdit = section.chain((s) => fc.record({ kind: fc.constant<'number'>('number'), section: fc.constant(s), token: token(s), text: fc.constantFrom(...WEIRD_NUMBERS) }));
  const dropDup = section.chain((s) => fc.record({ kind: fc.constantFrom<'drop-number' | 'dup-number'>('drop-number', 'dup-number'), section: fc.constant(s), token: token(s) }));
  const records = section.chain((s) => fc.record({
    kind: fc.constantFrom<'drop-records' | 'dup-records'>('drop-records', 'dup-records'),
    section: fc.constant(s),
    record: fc.nat({ max: (s === 'nodes' ? map.nodeCount : map.edgeCount) - 1 }),
    count: fc.integer({ min: 1, max: 3 }),
  }));
  const retarget = fc.record({
    kind: fc.constant<'retarget'>('retarget'),
    edits: fc.array(section.chain((s) => fc.record({
      section: fc.constant(s),
      record: fc.nat({ max: (s === 'nodes' ? map.nodeCount : map.edgeCount) - 1 }),
      field: fc.nat({ max: (s === 'nodes' ? map.nodeFieldCount : 3) - 1 }),
      pick: fc.nat(),
    })), { minLength: 1, maxLength: 80 }),
  });
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant<'truncate'>('truncate'), at: fc.nat({ max: size - 1 }) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant<'bytes'>('bytes'), edits: fc.array(fc.record({ at: fc.nat({ max: size - 1 }), value: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }) }), weight: 3 },
    { arbitrary: numberEdit, weight: 2 },
    { arbitrary: dropDup, weight: 1 },
    { arbitrary: records, weight: 1 },
    { arbitrary: retarget, weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant<'header'>('header'), change: headerChangeArbitrary(map) }), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant<'string'>('string'),
        string: fc.nat({ max: map.stringCount - 1 }),
        offset: fc.nat({ max: 40 }),
        insert: fc.constantFrom(...BAD_STRING_BYTES),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant<'long-name'>('long-name'), string: fc.nat({ max: map.stringCount - 1 }), repeats: fc.integer({ min: 1, max: 120_000 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant<'nesting'>('nesting'),
        section: fc.constantFrom(...SKIPPED),
        depth: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1000, max: 1_000_000 })),
        balanced: fc.boolean(),
        open: fc.constantFrom<'[' | '{"k":'>('[', '{"k":'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant<'duplicate-id'>('duplicate-id'), record: fc.nat({ max: map.nodeCount - 1 }), copyOf: fc.nat({ max: map.nodeCount - 1 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant<'extra-strings'>('extra-strings'), count: fc.integer({ min: 1, max: 2000 }), beyondBound: fc.boolean() }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant<'overwritten'>('overwritten'), tail: fc.integer({ min: 1, max: size - 1 }) }), weight: 1 },
    {
      arbitrary: fc.record({ kind: fc.constant<'cut-then-tail'>('cut-then-tail'), at: fc.nat({ max: size - 2 }), tail: fc.integer({ min: 1, max: size - 1 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant<'file'>('file'),
        variant: fc.constantFrom<FileVariant>(...FILE_VARIANTS),
        section: fc.constantFrom(...SECTIONS),
      }),
      weight: 1,
    },
  );
}

export function caseArbitrary(map: SnapshotMap): fc.Arbitrary<FuzzCase> {
  const container = fc.oneof(
    { arbitrary: fc.constant<Container>({ kind: 'plain' }), weight: 8 },
    { arbitrary: fc.constant<Container>({ kind: 'gzip' }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant<'gzip-truncated'>('gzip-truncated'), at: fc.nat({ max: 1_000_000 }) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant<'gzip-trailing'>('gzip-trailing'), bytes: fc.integer({ min: 1, max: 5000 }) }), weight: 1 },
  );
  return fc.record({ mutation: mutationArbitrary(map), container });
}

function mutate(map: SnapshotMap, m: Mutation): { bytes: Buffer; neutral: boolean; expectedCode?: string } | 'directory' {
  const { bytes } = map;
  switch (m.kind) {
    case 'truncate':
      return { bytes: bytes.subarray(0, m.at), neutral: false };
    case 'bytes':
      return { bytes: applySplices(bytes, m.edits.map(({ at, value }) => [at, at + 1, Buffer.from([value])])), neutral: false };
    case 'number':
      return { bytes: applySplices(bytes, [[map[m.section].start[m.token]!, map[m.section].end[m.token]!, m.text]]), neutral: false };
    case 'drop-number':
    case 'dup-number': {
      const { start, end } = map[m.section];
      const from = start[m.token]!;
      if (m.kind === 'dup-number') return { bytes: applySplices(bytes, [[from, from, `${tokenText(map, m.section, m.token)},`]]), neutral: false };
      const next = m.token + 1 < start.length ? start[m.token + 1]! : end[m.token]!;
      return { bytes: applySplices(bytes, [[from, next, '']]), neutral: false };
    }
    case 'drop-records':
    case 'dup-records': {
      const stride = m.section === 'nodes' ? map.nodeFieldCount : 3;
      const { start } = map[m.section];
      const first = m.record * stride;
      const last = Math.min(start.length, first + m.count * stride);
      const from = start[first]!;
      const to = last < start.length ? start[last]! : map.sections[m.section]!.end;
      const text = bytes.subarray(from, to);
      const copy = last < start.length ? text : Buffer.concat([Buffer.from(','), text]);
      return { bytes: applySplices(bytes, m.kind === 'drop-records' ? [[from, to, '']] : [[to, to, copy]]), neutral: false };
    }
    case 'retarget': {
      const splices: Splice[] = m.edits.map(({ section, record, field, pick }) => {
        const t = record * (section === 'nodes' ? map.nodeFieldCount : 3) + field;
        return [map[section].start[t]!, map[section].end[t]!, String(inRangeValue(map, section, t, field, pick))];
      });
      return { bytes: applySplices(bytes, splices), neutral: false };
    }
    case 'header':
      return { bytes: applySplices(bytes, [[map.headerStart, map.headerEnd, Buffer.from(String(changeHeader(map, m.change)), 'utf8')]]), neutral: false };
    case 'string': {
      const quote = map.stringStarts[m.string]!;
      const nextQuote = m.string + 1 < map.stringCount ? map.stringStarts[m.string + 1]! : map.sections.strings!.end;
      // Inside the string: between its opening quote and (at the latest) its closing quote.
      const at = Math.min(quote + 1 + m.offset, bytes.lastIndexOf(0x22, nextQuote - 1));
      return { bytes: applySplices(bytes, [[at, at, m.insert]]), neutral: false };
    }
    case 'long-name': {
      const quote = map.stringStarts[m.string]!;
      const next = m.string + 1 < map.stringCount ? map.stringStarts[m.string + 1]! : map.sections.strings!.end;
      const close = bytes.lastIndexOf(0x22, next - 1);
      return { bytes: applySplices(bytes, [[quote + 1, close, `1 / part of key (${' @1) -> value ('.repeat(m.repeats)}x`]]), neutral: false };
    }
    case 'nesting': {
      const { start, end } = map.sections[m.section]!;
      const junk = nested(m.open, m.depth, m.balanced);
      // One more element in a section the parser skips; balanced, it is valid JSON and changes nothing.
      return { bytes: applySplices(bytes, [[start, start, end > start ? `${junk},` : junk]]), neutral: m.balanced };
    }
    case 'duplicate-id': {
      const meta = map.header.meta as { node_fields: string[] };
      const idField = meta.node_fields.indexOf('id');
      const copyOf = m.copyOf === m.record ? (m.record + 1) % map.nodeCount : m.copyOf;
      const token = m.record * map.nodeFieldCount + idField;
      const id = tokenText(map, 'nodes', copyOf * map.nodeFieldCount + idField);
      return { bytes: applySplices(bytes, [[map.nodes.start[token]!, map.nodes.end[token]!, id]]), neutral: false, expectedCode: 'E_SNAPSHOT_DUPLICATE_ID' };
    }
    case 'extra-strings': {
      const count = m.beyondBound ? stringBound(map) - map.stringCount + m.count : m.count;
      const end = map.sections.strings!.end;
      const extra = ',\n"unnamed"'.repeat(count);
      return m.beyondBound
        ? { bytes: applySplices(bytes, [[end, end, extra]]), neutral: false, expectedCode: 'E_SNAPSHOT_STRING_COUNT' }
        : { bytes: applySplices(bytes, [[end, end, extra]]), neutral: true };
    }
    case 'overwritten':
      return { bytes: Buffer.concat([bytes, bytes.subarray(bytes.length - m.tail)]), neutral: true };
    case 'cut-then-tail':
      return { bytes: Buffer.concat([bytes.subarray(0, m.at), bytes.subarray(bytes.length - m.tail)]), neutral: false };
    case 'file': {
      const out = fileVariant(map, m.variant, m.section);
      if (out === 'directory') return out;
      return { bytes: out, neutral: NEUTRAL_VARIANTS.has(m.variant) };
    }
  }
}

/** A value the parser accepts for that field: the graph changes, the file stays valid. */
function inRangeValue(map: SnapshotMap, section: NumberSection, t: number, field: number, pick: number): number {
  const meta = map.header.meta as { node_fields: string[]; edge_fields: string[] };
  const name = section === 'nodes' ? meta.node_fields[field] : meta.edge_fields[field];
  switch (name) {
    case 'type': return pick % (section === 'nodes' ? map.nodeTypeCount : map.edgeTypeCount);
    case 'name':
    case 'name_or_index': return pick % map.stringCount;
    case 'to_node': return (pick % map.nodeCount) * map.nodeFieldCount;
    // Another node's id would repeat it, which the parser refuses ('duplicate-id' covers that): a fresh one, one per record.
    case 'id': return 3_000_000_001 + 2 * Math.floor(t / map.nodeFieldCount);
    case 'self_size': return pick % 3 === 0 ? 0 : pick % 100_000;
    case 'detachedness': return pick % 3;
    // Another count would break the sum, making the file merely invalid (other kinds cover that).
    case 'edge_count': return Number(tokenText(map, section, t));
    default: return Number(tokenText(map, section, (pick % (section === 'nodes' ? map.nodeCount : map.edgeCount)) * (section === 'nodes' ? map.nodeFieldCount : 3) + field));
  }
}

/** The case's file contents. */
export function materialize(map: SnapshotMap, c: FuzzCase): Materialized {
  const out = mutate(map, c.mutation);
  if (out === 'directory') return { directory: true };
  const plainLength = out.bytes.length;
  const expected = out.expectedCode === undefined ? {} : { expectedCode: out.expectedCode };
  if (c.container.kind === 'plain') return { directory: false, bytes: out.bytes, plainLength, neutral: out.neutral, ...expected };
  const zipped = gzipSync(out.bytes, { level: 1 });
  if (c.container.kind === 'gzip') return { directory: false, bytes: zipped, plainLength, neutral: out.neutral, ...expected };
  if (c.container.kind === 'gzip-trailing') {
    return { directory: false, bytes: Buffer.concat([zipped, Buffer.alloc(c.container.bytes, 'x')]), plainLength, neutral: out.neutral, ...expected };
  }
  return { directory: false, bytes: zipped.subarray(0, c.container.at % zipped.length), plainLength, neutral: false };
}
