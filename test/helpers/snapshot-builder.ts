// Small snapshots described node by node, for tests of one semantic rule at a time.
// Node 0 is the synthetic root; edges name their target by position in the list.
import { EDGE_STRIDE, EDGE_TYPES, NODE_STRIDE, NODE_TYPES, serialize, tinySnapshot } from './tiny-snapshot.js';

export interface NodeSpec {
  type: string;
  name: string;
  id: number;
  size: number;
  /** [edge type, property name or element index, target position]. */
  edges?: [string, string | number, number][];
}

/** A snapshot file's text (Node 20 layout) with exactly these nodes and edges. */
export function buildSnapshot(nodes: NodeSpec[]): string {
  const s = tinySnapshot();
  const strings = ['<dummy>'];
  const intern = (text: string): number => {
    const i = strings.indexOf(text);
    return i >= 0 ? i : strings.push(text) - 1;
  };
  const typeId = (types: string[], name: string): number => {
    const id = types.indexOf(name);
    if (id < 0) throw new Error(`unknown type ${name}`);
    return id;
  };
  s.nodes = [];
  s.edges = [];
  for (const node of nodes) {
    const edges = node.edges ?? [];
    s.nodes.push(typeId(NODE_TYPES, node.type), intern(node.name), node.id, node.size, edges.length, 0, 0);
    for (const [type, name, target] of edges) {
      const nameOrIndex = type === 'element' || type === 'hidden' ? Number(name) : intern(String(name));
      s.edges.push(typeId(EDGE_TYPES, type), nameOrIndex, target * NODE_STRIDE);
    }
  }
  s.strings = strings;
  s.snapshot.node_count = s.nodes.length / NODE_STRIDE;
  s.snapshot.edge_count = s.edges.length / EDGE_STRIDE;
  return serialize(s);
}
