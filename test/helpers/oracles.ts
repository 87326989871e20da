// Independent implementations our results are checked against:
// - Chrome DevTools' own heap snapshot worker (npm `heap-snapshot-toolkit`, a
//   build of devtools-frontend): class aggregates, retained sizes, comparison.
// - `heapsnapshot-parser` 0.1.0: a naive whole-file JSON.parse reader, for
//   node/edge level parse equality on small snapshots.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { parse } from 'heap-snapshot-toolkit';

export type DevtoolsSnapshot = Awaited<ReturnType<typeof parse>>;
/** {count, self, maxRet, name, distance, idxs}, keyed by DevTools' class key. */
export type DevtoolsAggregates = ReturnType<DevtoolsSnapshot['aggregatesWithFilter']>;
export type DevtoolsDiff = ReturnType<DevtoolsSnapshot['calculateSnapshotDiff']>;

function open(path: string): Readable {
  // utf8 decoding in the stream: the loader concatenates chunks onto a string,
  // and a Buffer chunk would be decoded on its own, splitting multi-byte
  // characters at chunk edges. (V8 escapes all non-ASCII, but other writers may not.)
  const raw = createReadStream(path);
  const bytes = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  return bytes.setEncoding('utf8');
}

/** A fully initialised DevTools JSHeapSnapshot (distances, dominators, retained sizes, interface names). */
export function devtoolsLoad(path: string): Promise<DevtoolsSnapshot> {
  // The toolkit types its argument as fs.ReadStream but only uses on('data'|'end'|'error').
  return parse(open(path) as unknown as Parameters<typeof parse>[0]);
}

/** The "Summary" view's data: `aggregatesWithFilter({})`, i.e. all objects, no filter. */
export function devtoolsAggregatesOf(snapshot: DevtoolsSnapshot): DevtoolsAggregates {
  // NodeFilter is a class in the typings, but the worker only reads its optional
  // fields; the Summary view passes an empty filter, and so do we.
  return snapshot.aggregatesWithFilter({} as Parameters<DevtoolsSnapshot['aggregatesWithFilter']>[0]);
}

export async function devtoolsAggregates(path: string): Promise<DevtoolsAggregates> {
  return devtoolsAggregatesOf(await devtoolsLoad(path));
}

let diffUid = 0;

/**
 * The "Comparison" view's data, computed as devtools-frontend's
 * HeapSnapshotDiffDataGrid does it. Not the toolkit's own `diff()`, which
 * differs in two ways: it classes the base snapshot with the base's own
 * interface definitions (DevTools uses the newer snapshot's, so `{a, b, c}`
 * keys line up), and it keys its per-snapshot diff cache by `startSnapshot.uid`,
 * which JSHeapSnapshot does not have — a second diff against the same newer
 * snapshot would return the first one's result.
 */
export async function devtoolsDiff(beforePath: string, afterPath: string): Promise<DevtoolsDiff> {
  const before = await devtoolsLoad(beforePath);
  const after = await devtoolsLoad(afterPath);
  const baseAggregates = before.aggregatesForDiff(after.interfaceDefinitions());
  return after.calculateSnapshotDiff(`heapdiff-test-${++diffUid}`, baseAggregates);
}

export interface ReferenceNode {
  type: string;
  name: string;
  id: number;
  self_size: number;
  edge_count: number;
}
export interface ReferenceEdge {
  type: string;
  /** Element and hidden edges: the index as a decimal string; others: the string. */
  name: string;
  /** Node id of the target. */
  toId: number;
}

interface ParserNode { type: string; name: string; id: number; self_size: number; edge_count: number }
interface ParserEdge { type: string; name_or_index: string; toNode: ParserNode }
interface RawSnapshot { edges: number[]; snapshot: { meta: { edge_fields: string[] } } }
const parser = createRequire(import.meta.url)('heapsnapshot-parser') as {
  parse(snapshot: RawSnapshot): { nodes: ParserNode[]; edges: ParserEdge[] };
};

/**
 * heapsnapshot-parser's view of a snapshot, flattened to plain records.
 * Reads the whole file into one string: small snapshots only.
 */
export function referenceParse(path: string): { nodes: ReferenceNode[]; edges: ReferenceEdge[] } {
  const bytes = readFileSync(path);
  const json = JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as RawSnapshot;
  const snap = parser.parse(json);
  // The parser looks up every name_or_index in `strings`, element and hidden
  // edges included (where it is a plain number), so for those we render the raw
  // number from the file instead. The parser does not mutate its input.
  const fields = json.snapshot.meta.edge_fields;
  const stride = fields.length;
  const nameOffset = fields.indexOf('name_or_index');
  if (nameOffset < 0) throw new Error(`${path}: no name_or_index edge field`);
  const nodes = snap.nodes.map((n) => ({ type: n.type, name: n.name, id: n.id, self_size: n.self_size, edge_count: n.edge_count }));
  const edges = snap.edges.map((e, i) => ({
    type: e.type,
    name: e.type === 'element' || e.type === 'hidden' ? String(json.edges[i * stride + nameOffset]) : e.name_or_index,
    toId: e.toNode.id,
  }));
  return { nodes, edges };
}
