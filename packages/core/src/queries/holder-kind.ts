import type { HeapGraph } from '../graph/heap-graph.js';
import { childByName, type KnownName } from '../naming/string-index.js';

/** What a holder is and how many entries it has, read from the graph alone. */
export interface HolderShape {
  /** `Array`, `Map`, `Set`, `Promise`, `TimersList`, `Object`… */
  kind: string;
  /** `elements`, `entries`, `pending reactions`, `timers`, `properties`. */
  unit: string;
  entries: number;
}

/** Links followed at most along a promise's reactions or a timer list (a crafted heap may loop). */
const MAX_LINKS = 50_000_000;

/**
 * Calls `visit` with each entry's target: an Array's elements (its `element` edges: heap objects;
 * small integers write none), a Map's values (the slot of its hash table with most edges: keys or
 * values, whichever are heap objects), a Set's members, a promise's pending reactions (newest
 * first), a timer list's timers, an object's own properties and elements. Returns the shape.
 */
export function forEachEntry(g: HeapGraph, names: Record<KnownName, number>, o: number, visit?: (target: number) => void): HolderShape {
  const { internal, element, property, hidden } = g.edgeTypeId;
  // Objects are named by their class; strings, arrays and other values by their type.
  const kind = g.nodeType[o] === g.nodeTypeId.object || g.nodeType[o] === g.nodeTypeId.native ? g.nodeName(o) : `(${g.nodeTypeName(o)})`;
  const table = childByName(g, o, internal, names.table);
  if (table >= 0) return tableEntries(g, kind, table, visit);
  const reactions = childByName(g, o, internal, names.reactions_or_result);
  if (reactions >= 0 && g.nodeNameIndex[reactions] === names['system / PromiseReaction']) {
    let count = 0;
    // The next reaction is the hidden edge to another reaction (its index differs between V8 versions).
    for (let r = reactions; r >= 0 && count < MAX_LINKS;) {
      count++;
      visit?.(r);
      let next = -1;
      for (let e = g.firstEdgeIndex[r]!, end = g.firstEdgeIndex[r + 1]!; e < end; e++) {
        const target = g.edgeToOrdinal[e]!;
        if (g.edgeType[e] === hidden && target !== r && g.nodeNameIndex[target] === names['system / PromiseReaction']) next = target;
      }
      r = next;
    }
    return { kind: 'Promise', unit: 'pending reactions', entries: count };
  }
  if (g.nodeNameIndex[o] === names.TimersList) {
    let count = 0;
    for (let t = childByName(g, o, property, names._idleNext); t >= 0 && t !== o && g.nodeNameIndex[t] === names.Timeout && count < MAX_LINKS;) {
      count++;
      visit?.(t);
      t = childByName(g, t, property, names._idleNext);
    }
    return { kind: 'TimersList', unit: 'timers', entries: count };
  }
  if (g.nodeNameIndex[o] === names['system / Context']) {
    let variables = 0;
    for (let e = g.firstEdgeIndex[o]!, end = g.firstEdgeIndex[o + 1]!; e < end; e++) {
      if (g.edgeType[e] !== g.edgeTypeId.context) continue;
      variables++;
      visit?.(g.edgeToOrdinal[e]!);
    }
    return { kind: 'scope', unit: 'variables', entries: variables };
  }
  let elements = 0;
  let properties = 0;
  const proto = names.__proto__;
  for (let e = g.firstEdgeIndex[o]!, end = g.firstEdgeIndex[o + 1]!; e < end; e++) {
    const type = g.edgeType[e];
    if (type === element) elements++;
    else if (type === property && g.edgeNameOrIndex[e] !== proto) properties++;
    else continue;
    visit?.(g.edgeToOrdinal[e]!);
  }
  if (g.nodeType[o] === g.nodeTypeId.closure) return { kind: 'Function', unit: 'properties', entries: properties + elements };
  if (g.nodeNameIndex[o] === names.Array) return { kind: 'Array', unit: 'elements', entries: elements };
  return { kind, unit: properties > 0 && elements === 0 ? 'properties' : elements > 0 && properties === 0 ? 'elements' : 'properties and elements', entries: elements + properties };
}

/**
 * A Map's or Set's OrderedHashTable: entries are internal edges named by slot number, 3 slots per
 * Map entry (key, value, chain) and 2 per Set entry; small integers and the chain write no edge.
 * Without the bucket count the slot of an entry is unknown, but all of an entry's keys (or values)
 * fall in one residue class mod 3: the fullest class counts the Map's heap-object keys or values.
 */
function tableEntries(g: HeapGraph, kind: string, table: number, visit?: (target: number) => void): HolderShape {
  const internal = g.edgeTypeId.internal;
  const residue = [0, 0, 0];
  let all = 0;
  const slotOf = (e: number): number => {
    if (g.edgeType[e] !== internal) return -1;
    const name = g.strings[g.edgeNameOrIndex[e]!]!;
    const code = name.charCodeAt(0);
    return code >= 48 && code <= 57 ? Number(name) : -1;
  };
  for (let e = g.firstEdgeIndex[table]!, end = g.firstEdgeIndex[table + 1]!; e < end; e++) {
    const slot = slotOf(e);
    if (!(slot >= 0)) continue;
    residue[slot % 3]!++;
    all++;
  }
  const isSet = kind.endsWith('Set');
  const best = residue.indexOf(Math.max(...residue));
  if (visit) {
    for (let e = g.firstEdgeIndex[table]!, end = g.firstEdgeIndex[table + 1]!; e < end; e++) {
      const slot = slotOf(e);
      if (slot >= 0 && (isSet || slot % 3 === best)) visit(g.edgeToOrdinal[e]!);
    }
  }
  return { kind, unit: 'entries', entries: isSet ? all : residue[best]! };
}
