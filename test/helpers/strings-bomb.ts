// Snapshots whose strings array holds far more than their graph names (issue 13.7), written as
// a .gz stream: a few hundred kilobytes on disk, hundreds of megabytes decompressed.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { NODE_FIELDS, NODE_TYPES, EDGE_TYPES } from './tiny-snapshot.js';

export interface StringsBomb {
  /** How many strings after the placeholder. */
  count: number;
  /** Each string's text (JSON-quoted as is). */
  text: string;
  /** 'strings-first': the strings array before the nodes array (valid JSON, not V8's order). */
  order?: 'v8' | 'strings-first';
}

/** A one-node snapshot (the root, which names string 0) followed or preceded by `count` strings. */
export async function writeStringsBomb(path: string, bomb: StringsBomb): Promise<void> {
  const header = {
    meta: {
      node_fields: NODE_FIELDS,
      node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number', 'number'],
      edge_fields: ['type', 'name_or_index', 'to_node'],
      edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
    },
    node_count: 1,
    edge_count: 0,
    trace_function_count: 0,
  };
  const graph = `"nodes":[${NODE_TYPES.indexOf('synthetic')},0,1,0,0,0,0],\n"edges":[]`;
  const item = `,${JSON.stringify(bomb.text)}`;
  const perBlock = Math.max(1, Math.floor((1 << 20) / item.length));
  function* parts(): Generator<string> {
    yield `{"snapshot":${JSON.stringify(header)},\n${bomb.order === 'strings-first' ? '' : `${graph},\n`}"strings":["<dummy>"`;
    for (let done = 0; done < bomb.count; done += perBlock) yield item.repeat(Math.min(perBlock, bomb.count - done));
    yield bomb.order === 'strings-first' ? `],\n${graph}}\n` : ']}\n';
  }
  await pipeline(Readable.from(parts()), createGzip({ level: 6 }), createWriteStream(path));
}
