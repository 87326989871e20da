// A four-node snapshot built in code, for tests that break one invariant at a time.
// Layout matches what Node 20 writes (7 node fields), including V8's line breaks.

export const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native',
  'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
export const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];
export const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'];
export const NODE_STRIDE = NODE_FIELDS.length;
export const EDGE_STRIDE = 3;

export interface TinySnapshot {
  // Loose on purpose: tests delete and corrupt header fields.
  snapshot: { meta?: Record<string, unknown>; node_count: number; edge_count: number; trace_function_count: number };
  nodes: (number | string)[];
  edges: (number | string)[];
  strings: string[];
}

const t = (name: string): number => NODE_TYPES.indexOf(name);
const e = (name: string): number => EDGE_TYPES.indexOf(name);

/**
 * root(synthetic) --element 1--> (GC roots)(synthetic)
 * root --shortcut "foo"--> Foo(object, 32 bytes) --property "greeting"--> "hello"(string, 24 bytes)
 */
export function tinySnapshot(): TinySnapshot {
  const strings = ['<dummy>', '', '(GC roots)', 'Foo', 'hello', 'foo', 'greeting'];
  // type, name, id, self_size, edge_count, trace_node_id, detachedness
  const nodes = [
    t('synthetic'), 1, 1, 0, 2, 0, 0,
    t('synthetic'), 2, 3, 0, 0, 0, 0,
    t('object'), 3, 5, 32, 1, 0, 0,
    t('string'), 4, 7, 24, 0, 0, 0,
  ];
  // type, name_or_index, to_node (a node INDEX: ordinal * NODE_STRIDE)
  const edges = [
    e('element'), 1, 1 * NODE_STRIDE,
    e('shortcut'), 5, 2 * NODE_STRIDE,
    e('property'), 6, 3 * NODE_STRIDE,
  ];
  return {
    snapshot: {
      meta: {
        node_fields: [...NODE_FIELDS],
        node_types: [[...NODE_TYPES], 'string', 'number', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [[...EDGE_TYPES], 'string_or_number', 'node'],
        trace_function_info_fields: ['function_id', 'name', 'script_name', 'script_id', 'line', 'column'],
        trace_node_fields: ['id', 'function_info_index', 'count', 'size', 'children'],
        sample_fields: ['timestamp_us', 'last_assigned_id'],
        location_fields: ['object_index', 'script_id', 'line', 'column'],
      },
      node_count: nodes.length / NODE_STRIDE,
      edge_count: edges.length / EDGE_STRIDE,
      trace_function_count: 0,
    },
    nodes,
    edges,
    strings,
  };
}

/** Serialises like V8 does: a line per node record and per string. Array items are written raw. */
export function serialize(s: TinySnapshot): string {
  const rows = (values: (number | string)[], stride: number): string => {
    const out: string[] = [];
    for (let i = 0; i < values.length; i += stride) out.push(values.slice(i, i + stride).join(','));
    return out.join('\n,');
  };
  return `{"snapshot":${JSON.stringify(s.snapshot)},\n"nodes":[${rows(s.nodes, NODE_STRIDE)}],\n`
    + `"edges":[${rows(s.edges, EDGE_STRIDE)}],\n"trace_function_infos":[],\n"trace_tree":[],\n"samples":[],\n`
    + `"locations":[],\n"strings":[${s.strings.map((x) => JSON.stringify(x)).join(',\n')}]}\n`;
}

/** A valid tiny snapshot with one change applied. */
export function mutated(change: (s: TinySnapshot) => void): string {
  const s = tinySnapshot();
  change(s);
  return serialize(s);
}
