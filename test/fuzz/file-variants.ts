// Whole-file oddities: empty, a directory, JSON that is no snapshot, sections missing, doubled or
// reordered, a byte order mark, trailing bytes, the smallest graphs a header can announce.
import { applySplices, tokenText, type Splice } from './splice.js';
import type { SnapshotMap } from './snapshot-map.js';

export type FileVariant =
  | 'empty' | 'bom' | 'trailing-garbage' | 'trailing-whitespace' | 'missing-section' | 'duplicate-section'
  | 'non-snapshot-json' | 'json-array' | 'json-scalar' | 'strings-first' | 'directory' | 'no-nodes' | 'root-only';


export const FILE_VARIANTS: FileVariant[] = ['empty', 'bom', 'trailing-garbage', 'trailing-whitespace', 'missing-section',
  'duplicate-section', 'non-snapshot-json', 'json-array', 'json-scalar', 'strings-first', 'directory', 'no-nodes', 'root-only'];

/** Variants after which the snapshot means exactly what it meant before (bytes after its end are read past, with a warning). */
export const NEUTRAL_VARIANTS: ReadonlySet<FileVariant> = new Set(['bom', 'trailing-whitespace', 'strings-first', 'trailing-garbage']);

export function fileVariant(map: SnapshotMap, variant: FileVariant, section: string): Buffer | 'directory' {
  const { bytes } = map;
  const key = (name: string) => {
    const start = bytes.indexOf(`"${name}":`);
    const range = map.sections[name]!;
    return { start, end: range.end + 1 };
  };
  switch (variant) {
    case 'empty': return Buffer.alloc(0);
    case 'directory': return 'directory';
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'trailing-garbage': return Buffer.concat([bytes, Buffer.from('{"more":1}')]);
    case 'trailing-whitespace': return Buffer.concat([bytes, Buffer.from(' \n\t\r\n')]);
    case 'non-snapshot-json': return Buffer.from('{"name":"heapdiff","version":"1.0.0","dependencies":{"nodes":[1,2,3]}}\n');
    case 'json-array': return Buffer.from('[{"snapshot":{}}]');
    case 'json-scalar': return Buffer.from('"snapshot"');
    case 'missing-section':
    case 'duplicate-section': {
      const { start, end } = key(section);
      // The key, its array and the comma after it.
      if (variant === 'missing-section') {
        // Valid JSON without the section: take the comma after it, or before it for the last one.
        const range: Splice = bytes[end] === 0x2c ? [start, end + 1, ''] : [bytes.lastIndexOf(0x2c, start), end, ''];
        return applySplices(bytes, [range]);
      }
      return applySplices(bytes, [[start, start, Buffer.concat([bytes.subarray(start, end), Buffer.from(',')])]]);
    }
    case 'no-nodes':
    case 'root-only': {
      // The real header and strings around the smallest graphs a header can announce.
      const header = { ...map.header, node_count: variant === 'no-nodes' ? 0 : 1, edge_count: 0 };
      const root = variant === 'no-nodes' ? [] : Array.from({ length: map.nodeFieldCount }, (_, f) => tokenText(map, 'nodes', f));
      const edgeCountField = (map.header.meta as { node_fields: string[] }).node_fields.indexOf('edge_count');
      if (root.length > 0) root[edgeCountField] = '0';
      const strings = map.sections.strings!;
      return Buffer.concat([
        Buffer.from(`{"snapshot":${JSON.stringify(header)},\n"nodes":[${root.join(',')}],\n"edges":[],\n"strings":[`),
        map.bytes.subarray(strings.start, strings.end),
        Buffer.from(']}\n'),
      ]);
    }
    case 'strings-first': {
      // Valid JSON, sections in another order: nothing in the format requires V8's order after the header.
      const strings = key('strings');
      const nodesKey = bytes.indexOf('"nodes":');
      const before = bytes.lastIndexOf(0x2c, strings.start); // the comma before "strings"
      return applySplices(bytes, [[before, strings.end, ''], [nodesKey, nodesKey, Buffer.concat([bytes.subarray(strings.start, strings.end), Buffer.from(',\n')])]]);
    }
  }
}
