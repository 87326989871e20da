// A snapshot file with one object of enormous degree, written as a stream (a 10M-edge file is too
// big to build as one string): the root holds `Hub`, which holds `leaves` distinct `Leaf` objects
// as elements, and every Leaf holds the Hub back through `.hub`. So the Hub has `leaves` edges out
// and `leaves` retainers: the shape that made `refs`/`backrefs` materialise every edge.
import { closeSync, openSync, writeSync } from 'node:fs';
import { EDGE_TYPES, NODE_FIELDS, NODE_STRIDE, NODE_TYPES, tinySnapshot } from './tiny-snapshot.js';

/** Object ids in a hub snapshot. */
export const HUB_ID = 5;

export function writeHubSnapshot(path: string, leaves: number): void {
  const header = tinySnapshot().snapshot;
  header.node_count = leaves + 3;
  header.edge_count = 2 * leaves + 2;
  const t = (name: string): number => NODE_TYPES.indexOf(name);
  const e = (name: string): number => EDGE_TYPES.indexOf(name);
  // Strings: 0 '', 1 '(GC roots)', 2 'Hub', 3 'Leaf', 4 'hub', 5 'app'
  const strings = ['', '(GC roots)', 'Hub', 'Leaf', 'hub', 'app'];
  const fd = openSync(path, 'w');
  let buffer: string[] = [];
  let size = 0;
  const write = (text: string): void => {
    buffer.push(text);
    size += text.length;
    if (size < 1 << 20) return;
    writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  try {
    write(`{"snapshot":${JSON.stringify(header)},\n"nodes":[`);
    const node = (first: boolean, fields: number[]): void => write(`${first ? '' : '\n,'}${fields.join(',')}`);
    if (NODE_FIELDS.length !== 7) throw new Error('the layout below writes 7 node fields');
    // type, name, id, self_size, edge_count, trace_node_id, detachedness
    node(true, [t('synthetic'), 0, 1, 0, 2, 0, 0]);
    node(false, [t('synthetic'), 1, 3, 0, 0, 0, 0]);
    node(false, [t('object'), 2, HUB_ID, 32, leaves, 0, 0]);
    for (let i = 0; i < leaves; i++) node(false, [t('object'), 3, 7 + 2 * i, 16, 1, 0, 0]);
    write('],\n"edges":[');
    // type, name_or_index, to_node (ordinal * NODE_STRIDE)
    write(`${e('element')},1,${NODE_STRIDE}\n,${e('shortcut')},5,${2 * NODE_STRIDE}`);
    for (let i = 0; i < leaves; i++) write(`\n,${e('element')},${i},${(3 + i) * NODE_STRIDE}`);
    for (let i = 0; i < leaves; i++) write(`\n,${e('property')},4,${2 * NODE_STRIDE}`);
    write('],\n"trace_function_infos":[],\n"trace_tree":[],\n"samples":[],\n"locations":[],\n');
    write(`"strings":[${strings.map((s) => JSON.stringify(s)).join(',\n')}]}\n`);
    writeSync(fd, buffer.join(''));
  } finally {
    closeSync(fd);
  }
}
