// Where things are in a real .heapsnapshot file, so mutations can aim at one node field, one edge
// or one string instead of only at random bytes. Positions are byte offsets into the file.

export interface TokenList {
  /** Start and end offsets of each number, in array order. */
  start: Uint32Array;
  end: Uint32Array;
}

export interface SnapshotMap {
  bytes: Buffer;
  /** The parsed `snapshot` header object and the byte range of its value. */
  header: Record<string, unknown> & { meta: Record<string, unknown>; node_count: number; edge_count: number };
  headerStart: number;
  headerEnd: number;
  nodeFieldCount: number;
  nodeTypeCount: number;
  edgeTypeCount: number;
  nodeCount: number;
  edgeCount: number;
  stringCount: number;
  nodes: TokenList;
  edges: TokenList;
  /** Byte range of each top-level array's contents (between its brackets). */
  sections: Record<string, { start: number; end: number }>;
  /** Start offsets of the strings' opening quotes. */
  stringStarts: Uint32Array;
}

const TOP_LEVEL_ARRAYS = ['nodes', 'edges', 'trace_function_infos', 'trace_tree', 'samples', 'locations', 'strings'];

function numberTokens(bytes: Buffer, from: number, to: number): TokenList {
  let count = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i]! >= 0x30 && bytes[i]! <= 0x39;
    const prevDigit = i > from && bytes[i - 1]! >= 0x30 && bytes[i - 1]! <= 0x39;
    if (digit && !prevDigit) count++;
  }
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  let k = 0;
  for (let i = from; i < to; ) {
    if (bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
      start[k] = i;
      while (i < to && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i++;
      end[k++] = i;
    } else i++;
  }
  return { start, end };
}

/** Indexes a snapshot as V8 writes it (sections as arrays of numbers / strings, in V8's order). */
export function mapSnapshot(bytes: Buffer): SnapshotMap {
  const text = bytes.toString('latin1'); // one char per byte: string offsets are byte offsets
  const sections: SnapshotMap['sections'] = {};
  for (const key of TOP_LEVEL_ARRAYS) {
    const open = text.indexOf(`"${key}":[`);
    if (open < 0) throw new Error(`no "${key}" section`);
    const start = open + key.length + 4;
    // V8 writes every section on its own lines; the next top-level key ends this one.
    const next = TOP_LEVEL_ARRAYS.slice(TOP_LEVEL_ARRAYS.indexOf(key) + 1).map((k) => text.indexOf(`\n"${k}":[`, start)).find((i) => i >= 0);
    const end = next === undefined ? text.lastIndexOf(']') : text.lastIndexOf(']', next);
    sections[key] = { start, end };
  }
  const headerStart = text.indexOf('{', 1);
  const headerEnd = text.lastIndexOf('}', text.indexOf('"nodes":[')) + 1;
  const header = JSON.parse(text.slice(headerStart, headerEnd)) as SnapshotMap['header'];
  const meta = header.meta as { node_fields: string[]; node_types: [string[]]; edge_types: [string[]] };
  const stringsSection = sections.strings!;
  const quotes: number[] = [];
  let inString = false;
  for (let i = stringsSection.start; i < stringsSection.end; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
      quotes.push(i);
    }
  }
  return {
    bytes,
    header,
    headerStart,
    headerEnd,
    nodeFieldCount: meta.node_fields.length,
    nodeTypeCount: meta.node_types[0].length,
    edgeTypeCount: meta.edge_types[0].length,
    nodeCount: header.node_count,
    edgeCount: header.edge_count,
    stringCount: quotes.length,
    nodes: numberTokens(bytes, sections.nodes!.start, sections.nodes!.end),
    edges: numberTokens(bytes, sections.edges!.start, sections.edges!.end),
    sections,
    stringStarts: Uint32Array.from(quotes),
  };
}
