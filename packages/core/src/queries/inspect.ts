import { NodeNotFoundError } from '../errors/errors.js';
import type { HeapAnalysis } from '../analysis/analyze.js';
import { NO_DISTANCE } from '../algorithms/distances.js';
import { edgeLabel } from '../naming/edge-label.js';
import type { CodeNames } from '../naming/code-names.js';
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
  /** The node at the other end as `name() file:line:col` (functions) or its scope; null otherwise. */
  nodeLabel: string | null;
  nodeLocation: string | null;
  retainedSize: number;
}

export interface NodeRef {
  ordinal: number;
  nodeId: number;
  name: string;
  className: string;
  /** A function as `name() file:line:col`, a scope by its module or function; null otherwise. */
  label: string | null;
  /** file:line:col of a function or an instance of a located class, when known. */
  location: string | null;
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
  /** Names functions and scopes with their file:line:col. */
  code?: CodeNames;
}

/** Everything about one object: sizes, distance, dominator, what it holds and what holds it. */
export function inspectNode(analysis: HeapAnalysis, nodeId: number, options: InspectOptions = {}): NodeInspection {
  const g = analysis.graph;
  const o = g.ordinalOfId(nodeId);
  if (o < 0) throw new NodeNotFoundError(nodeId);
  const limit = options.limit ?? 50;
  const nameLength = options.nameLength ?? 100;
  const { classes, retainedSize, distance } = analysis;
  const { code } = options;
  const ref = (ordinal: number): NodeRef => ({
    ordinal,
    nodeId: g.nodeId[ordinal]!,
    name: nodeDisplayName(g, analysis.domState, ordinal, nameLength),
    className: classes.names[classes.classOf[ordinal]!]!,
    label: code ? code.label(ordinal) : null,
    location: code ? code.files.where(ordinal) : null,
  });
  const view = (edge: number, ordinal: number): EdgeView => {
    const node = ref(ordinal);
    return {
      edge, name: g.edgeName(edge), type: g.edgeTypeName(edge), label: edgeLabel(g, edge),
      ordinal, nodeId: node.nodeId, nodeName: node.name, nodeType: g.nodeTypeName(ordinal), className: node.className,
      nodeLabel: node.label, nodeLocation: node.location, retainedSize: retainedSize[ordinal]!,
    };
  };

  const firstEdge = g.firstEdgeIndex[o]!;
  const edgeCount = g.firstEdgeIndex[o + 1]! - firstEdge;
  const edgeOrder = (a: number, b: number): number => retainedSize[g.edgeToOrdinal[b]!]! - retainedSize[g.edgeToOrdinal[a]!]! || a - b;
  const edges = firstInOrder(firstEdge, edgeCount, limit, edgeOrder);

  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const firstRetainer = firstRetainerIndex[o]!;
  const retainerCount = firstRetainerIndex[o + 1]! - firstRetainer;
  const weak = g.edgeTypeId.weak;
  const rank = (r: number): number => {
    const d = distance[retainingNode[r]!]!;
    const far = d === NO_DISTANCE ? 2 ** 31 : d;
    return g.edgeType[retainingEdge[r]!] === weak ? far + 2 ** 32 : far;
  };
  const retainers = firstInOrder(firstRetainer, retainerCount, limit, (a, b) => rank(a) - rank(b) || a - b);

  const d = distance[o]!;
  return {
    ...ref(o),
    type: g.nodeTypeName(o),
    selfSize: analysis.selfSize[o]!,
    retainedSize: retainedSize[o]!,
    distance: d === NO_DISTANCE ? null : d,
    dominator: o === g.rootOrdinal ? null : ref(analysis.dominator[o]!),
    edgeCount,
    edges: edges.map((e) => view(e, g.edgeToOrdinal[e]!)),
    retainerCount,
    retainers: retainers.map((r) => view(retainingEdge[r]!, retainingNode[r]!)),
  };
}

/**
 * The first `limit` of `count` consecutive numbers from `start` in `order` (all with limit 0): one
 * pass keeping a small sorted array, so an object with ten million edges costs no array of them.
 */
function firstInOrder(start: number, count: number, limit: number, order: (a: number, b: number) => number): number[] {
  if (limit <= 0 || limit >= count) return Array.from({ length: count }, (_, i) => start + i).sort(order);
  const best: number[] = [];
  for (let x = start, end = start + count; x < end; x++) {
    if (best.length === limit && order(x, best[limit - 1]!) >= 0) continue;
    let i = best.length < limit ? best.length : limit - 1;
    best[i] = x;
    while (i > 0 && order(best[i]!, best[i - 1]!) < 0) {
      [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
      i--;
    }
  }
  return best;
}
