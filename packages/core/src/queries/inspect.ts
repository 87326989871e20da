import { NodeNotFoundError } from '../errors/errors.js';
import type { HeapAnalysis } from '../analysis/analyze.js';
import { NO_DISTANCE } from '../algorithms/distances.js';
import { edgeLabel } from '../naming/edge-label.js';
import { nodeDisplayName } from '../naming/node-name.js';

/** One end of an edge as `inspect` shows it: the edge, and the node at its other end. */
export interface EdgeView {
  /** Edge index in the graph. */
  edge: number;
  /** Edge name, or the index as a string for element and hidden edges. */
  name: string;
  type: string;
  /** DevTools' notation: `.prop`, `[3]`, `->ctxVar`, `{internal}`, `[[weak]]`. */
  label: string;
  /** The target for outgoing edges, the retaining node for retainers. */
  ordinal: number;
  nodeId: number;
  nodeName: string;
  nodeType: string;
  className: string;
  retainedSize: number;
}

export interface NodeRef {
  ordinal: number;
  nodeId: number;
  name: string;
  className: string;
}

export interface NodeInspection extends NodeRef {
  type: string;
  selfSize: number;
  retainedSize: number;
  /** DevTools' distance (user objects from 1, system objects from 100000000), or null without a strong path. */
  distance: number | null;
  /** Immediate dominator; null for the root. */
  dominator: NodeRef | null;
  edgeCount: number;
  /** Outgoing edges, largest retained size first (file order among equals); at most `limit`. */
  edges: EdgeView[];
  retainerCount: number;
  /** Strong retainers closest to a root first, then weak ones; at most `limit`. */
  retainers: EdgeView[];
}

export interface InspectOptions {
  /** Most edges and retainers listed (0 = all); default 50. */
  limit?: number;
  /** Names (string values) are cut to this many characters; default 100. */
  nameLength?: number;
}

/** Everything about one object: sizes, distance, dominator, what it holds and what holds it. */
export function inspectNode(analysis: HeapAnalysis, nodeId: number, options: InspectOptions = {}): NodeInspection {
  const g = analysis.graph;
  const o = g.ordinalOfId(nodeId);
  if (o < 0) throw new NodeNotFoundError(nodeId);
  const limit = options.limit ?? 50;
  const nameLength = options.nameLength ?? 100;
  const { classes, retainedSize, distance } = analysis;
  const ref = (ordinal: number): NodeRef => ({
    ordinal,
    nodeId: g.nodeId[ordinal]!,
    name: nodeDisplayName(g, analysis.domState, ordinal, nameLength),
    className: classes.names[classes.classOf[ordinal]!]!,
  });
  const view = (edge: number, ordinal: number): EdgeView => {
    const node = ref(ordinal);
    return {
      edge, name: g.edgeName(edge), type: g.edgeTypeName(edge), label: edgeLabel(g, edge),
      ordinal, nodeId: node.nodeId, nodeName: node.name, nodeType: g.nodeTypeName(ordinal), className: node.className,
      retainedSize: retainedSize[ordinal]!,
    };
  };
  const take = <T>(items: T[]): T[] => (limit > 0 ? items.slice(0, limit) : items);

  const firstEdge = g.firstEdgeIndex[o]!;
  const edgeCount = g.firstEdgeIndex[o + 1]! - firstEdge;
  const edges = Array.from({ length: edgeCount }, (_, i) => firstEdge + i);
  edges.sort((a, b) => retainedSize[g.edgeToOrdinal[b]!]! - retainedSize[g.edgeToOrdinal[a]!]! || a - b);

  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const firstRetainer = firstRetainerIndex[o]!;
  const retainerCount = firstRetainerIndex[o + 1]! - firstRetainer;
  const weak = g.edgeTypeId.weak;
  const rank = (r: number): number => {
    const d = distance[retainingNode[r]!]!;
    const far = d === NO_DISTANCE ? 2 ** 31 : d;
    return g.edgeType[retainingEdge[r]!] === weak ? far + 2 ** 32 : far;
  };
  const retainers = Array.from({ length: retainerCount }, (_, i) => firstRetainer + i);
  retainers.sort((a, b) => rank(a) - rank(b) || a - b);

  const d = distance[o]!;
  return {
    ...ref(o),
    type: g.nodeTypeName(o),
    selfSize: analysis.selfSize[o]!,
    retainedSize: retainedSize[o]!,
    distance: d === NO_DISTANCE ? null : d,
    dominator: o === g.rootOrdinal ? null : ref(analysis.dominator[o]!),
    edgeCount,
    edges: take(edges).map((e) => view(e, g.edgeToOrdinal[e]!)),
    retainerCount,
    retainers: take(retainers).map((r) => view(retainingEdge[r]!, retainingNode[r]!)),
  };
}
