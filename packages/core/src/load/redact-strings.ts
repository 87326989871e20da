import { CONS_PLACEHOLDER } from '../naming/node-name.js';
import type { HeapGraph } from '../graph/heap-graph.js';
import { concatFingerprints, EMPTY_FINGERPRINT, fingerprint, redactedString, TokenTable, type Fingerprint } from './redaction-token.js';
import { redactNameParts } from './redact-name-parts.js';

export { redactedString } from './redaction-token.js';

/**
 * What V8 writes as node names, by type (Node 18 to 24, Chrome; see test/redact-values.test.ts):
 * - `string`, `sliced string`: the value (cut at 1,024 characters); `concatenated string`: a
 *   placeholder, the value being its `first` and `second` parts. Script sources are strings.
 * - `regexp`: the pattern source.
 * - `number`: `heap number` / `smi number`; with `exposeNumericValues` the value is a string node
 *   behind a `value` edge. `bigint`: `bigint`. `symbol`: `symbol`, the description a string node
 *   behind a `name` edge.
 * - `native` (Chromium): DOM elements as `<div id="…" class="…">`, with attribute values.
 * - Page and script URLs in the names of global objects, contexts and scripts (`Window / https://…`).
 * - Everything else names structure: classes, functions, properties, V8 internals.
 */
const SLICED_PLACEHOLDER = '(sliced string)';
const NUMBER_NAMES = new Set(['heap number', 'smi number', 'number', 'int', 'bool', 'double']);
const SYMBOL_NAMES = new Set(['symbol', 'private symbol']);

/**
 * Replaces every value from the heap's data with a stand-in (`<string len=6 #a1b2c3d4>`, see
 * redaction-token.ts): strings of every kind, regexp sources, DOM attribute values, and the query
 * and fragment of URLs in names. Names of classes, properties, functions and scripts stay: they are
 * the program's structure. Strings are interned and shared (a property name may also be a string
 * value), so nodes are pointed at stand-ins appended to the strings table instead of overwriting
 * entries. Runs once, right after loading, before anything reads names. Linear in nodes, edges
 * and the length of the names rewritten; per-node state lives in typed arrays.
 */
export function redactStringValues(g: HeapGraph): void {
  const { nodeType, nodeNameIndex, strings } = g;
  const t = g.nodeTypeId;
  const n = g.nodeCount;
  const names = strings.length;
  const table = new TokenTable(strings);
  const fingerprints = new NameFingerprints(strings, names);
  // Cons strings first: their stand-ins come from the parts' names, which are about to change.
  const cons = consFingerprints(g, fingerprints);
  // Names rewritten in part (`<div id="…">`, URLs), by strings-table index; -1 not yet seen.
  const partial = new Int32Array(names).fill(-1);

  for (let o = 0; o < n; o++) {
    const type = nodeType[o]!;
    const index = nodeNameIndex[o]!;
    if (index >= names) continue; // out of range: nodeName shows a placeholder, nothing of the heap
    const name = strings[index]!;
    if (type === t.concatenatedString && name === CONS_PLACEHOLDER) {
      nodeNameIndex[o] = table.indexOf(cons.of(o));
    } else if (type === t.string || type === t.concatenatedString || type === t.regexp
      || (type === t.slicedString && name !== SLICED_PLACEHOLDER)
      || (type === t.number && /\d/.test(name) && !NUMBER_NAMES.has(name))
      || (type === t.symbol && !SYMBOL_NAMES.has(name))
      || (type === t.bigint && name !== 'bigint')) {
      nodeNameIndex[o] = table.indexOf(fingerprints.of(index));
    } else if (type !== t.slicedString && type !== t.synthetic) {
      let to = partial[index]!;
      if (to < 0) {
        const rewritten = redactNameParts(name, type === t.native, redactedString);
        to = rewritten === name ? index : strings.push(rewritten) - 1;
        partial[index] = to;
      }
      nodeNameIndex[o] = to;
    }
  }
}

/** Fingerprints of strings-table entries, computed once each (a long prefix may start a million cons strings). */
class NameFingerprints {
  /** Length + 1; 0 while not computed. */
  private readonly length: Float64Array;
  private readonly h1: Uint32Array;
  private readonly h2: Uint32Array;

  constructor(private readonly strings: string[], size: number) {
    this.length = new Float64Array(size);
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
  }

  of(index: number): Fingerprint {
    if (this.length[index] === 0) {
      const f = fingerprint(this.strings[index]!);
      this.length[index] = f.length + 1;
      this.h1[index] = f.h1;
      this.h2[index] = f.h2;
      return f;
    }
    return { length: this.length[index]! - 1, h1: this.h1[index]!, h2: this.h2[index]! };
  }
}

interface ConsFingerprints {
  /** The fingerprint of cons string `o`'s whole value. */
  of(o: number): Fingerprint;
}

const NEW = 0;
const OPEN = 1;
const DONE = 2;

/**
 * Fingerprints of every concatenated string named by the placeholder, children before parents
 * (an iterative depth-first walk over `first` / `second` edges). A part that is not such a cons
 * string counts with its name. A cycle, possible only in a damaged file, counts as empty.
 */
function consFingerprints(g: HeapGraph, names: NameFingerprints): ConsFingerprints {
  const { nodeType, nodeNameIndex, strings, firstEdgeIndex, edgeType, edgeNameOrIndex, edgeToOrdinal } = g;
  const consType = g.nodeTypeId.concatenatedString;
  const internal = g.edgeTypeId.internal;
  const n = g.nodeCount;
  // By value, not by index: a damaged strings table may hold a name twice.
  const isCons = (o: number): boolean => nodeType[o] === consType && strings[nodeNameIndex[o]!] === CONS_PLACEHOLDER;
  // Rank of each such cons string among them (-1 for other nodes), then its columns by rank.
  const rank = new Int32Array(consType < 0 || !strings.includes(CONS_PLACEHOLDER) ? 0 : n).fill(-1);
  let count = 0;
  for (let o = 0; o < rank.length; o++) if (isCons(o)) rank[o] = count++;
  const length = new Float64Array(count);
  const h1 = new Uint32Array(count);
  const h2 = new Uint32Array(count);
  const state = new Uint8Array(count);
  const ordinalOf = new Uint32Array(count);
  for (let o = 0; o < rank.length; o++) if (rank[o]! >= 0) ordinalOf[rank[o]!] = o;
  const part = (o: number, which: 'first' | 'second'): number => {
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      if (edgeType[e] === internal && strings[edgeNameOrIndex[e]!] === which) return edgeToOrdinal[e]!;
    }
    return -1;
  };
  const fingerprintOf = (child: number): Fingerprint => {
    if (child < 0) return EMPTY_FINGERPRINT;
    const r = rank[child]!;
    if (r < 0) return nodeNameIndex[child]! < strings.length ? names.of(nodeNameIndex[child]!) : EMPTY_FINGERPRINT;
    // OPEN here means a cycle: the part is its own ancestor.
    return state[r] === DONE ? { length: length[r]!, h1: h1[r]!, h2: h2[r]! } : EMPTY_FINGERPRINT;
  };
  // Each expansion pushes at most two ranks, and every rank expands once.
  const stack = new Uint32Array(2 * count + 1);
  for (let root = 0; root < count; root++) {
    if (state[root] !== NEW) continue;
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const r = stack[sp - 1]!;
      const o = ordinalOf[r]!;
      if (state[r] === DONE) {
        sp--;
      } else if (state[r] === NEW) {
        state[r] = OPEN;
        // Second pushed first: the first part is walked first, as the text reads.
        const second = part(o, 'second');
        if (second >= 0 && rank[second]! >= 0 && state[rank[second]!] === NEW) stack[sp++] = rank[second]!;
        const first = part(o, 'first');
        if (first >= 0 && rank[first]! >= 0 && state[rank[first]!] === NEW) stack[sp++] = rank[first]!;
      } else {
        const f = concatFingerprints(fingerprintOf(part(o, 'first')), fingerprintOf(part(o, 'second')));
        length[r] = f.length;
        h1[r] = f.h1;
        h2[r] = f.h2;
        state[r] = DONE;
        sp--;
      }
    }
  }
  return { of: (o) => ({ length: length[rank[o]!]!, h1: h1[rank[o]!]!, h2: h2[rank[o]!]! }) };
}
