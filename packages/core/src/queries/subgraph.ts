import { InvalidOptionError } from '../errors/errors.js';
import type { HeapGraph } from '../graph/heap-graph.js';
import type { ClassTable } from '../naming/class-names.js';
import type { CodeNames } from '../naming/code-names.js';
import { NO_DISTANCE } from '../algorithms/distances.js';
import { pickNeighbours, type SubgraphDirection, type SubgraphSource } from './subgraph-neighbours.js';

export type { SubgraphDirection, SubgraphSource };
import type { SizeColumn } from '../algorithms/shallow-size.js';

export interface SubgraphOptions {
  direction: SubgraphDirection;
  /** Steps from a start object (default 3). */
  maxDepth?: number;
  /** Neighbours shown per node; the rest are counted in `truncated` (default 10). */
  tooMany?: number;
  /** Follow weak edges too (default false). */
  includeWeak?: boolean;
  /** Hard cap on nodes, so a deep walk stays drawable (default 2000). */
  maxNodes?: number;
  /**
   * References only: also follow prototypes (`__proto__`), hidden classes (`map`) and engine
   * internals (V8's `system / …` objects, compiled code), which otherwise crowd out what the
   * program holds (default false).
   */
  includeBuiltins?: boolean;
  /** Names functions and scopes with their file:line:col (`label`). */
  code?: CodeNames;
}

export interface SubgraphNode {
  ordinal: number;
  id: number;
  /** Node type name (`object`, `string`, `closure`, `synthetic`...). */
  type: string;
  /** The node's name (string contents for strings), cut to NAME_LIMIT characters. */
  name: string;
  /** Class as `summary` shows it (`LeakyRequest`, `(string)`, `{a, b}`). */
  className: string;
  /** With `code`: `onTick() app/timer.js:7:24` for a function, `{module scope app/x.js}` for a scope. */
  label: string | null;
  selfSize: number;
  retainedSize: number | null;
  /** Distance from a GC root (DevTools), or null if unknown or unreachable. */
  distance: number | null;
  /** Steps from the nearest start object. */
  depth: number;
  start: boolean;
  /** A synthetic node: the root, `(GC roots)` or one of its categories. The walk stops here. */
  gcRoot: boolean;
  /** A global object (held by the root directly). The walk stops here. */
  global: boolean;
  /** True if the node's neighbours were walked (false at max depth, at roots and globals). */
  expanded: boolean;
  /** Neighbours left out because of `tooMany` (or `maxNodes`). */
  truncated: number;
}

/** One reference, always in heap direction: `from` holds `to`. */
export interface SubgraphEdge {
  /** Object ids. A damaged snapshot can give two objects one id: the ordinals tell them apart. */
  from: number;
  to: number;
  fromOrdinal: number;
  toOrdinal: number;
  /** Property name, element index or variable name, as a string. */
  name: string;
  /** Edge type name (`property`, `element`, `context`, `internal`, `hidden`, `shortcut`, `weak`). */
  type: string;
  /** Parallel references between the pair; `name`/`type` describe the most telling one. */
  count: number;
}

export interface Subgraph {
  direction: SubgraphDirection;
  maxDepth: number;
  tooMany: number;
  includeWeak: boolean;
  startIds: number[];
  /** In walk order: start objects first, then by depth. */
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  /** True when `maxNodes` cut the walk short. */
  nodeLimitReached: boolean;
}

export const NAME_LIMIT = 200;

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new InvalidOptionError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/**
 * The bounded neighbourhood of `starts` (node ordinals), breadth first: objgraph's show_backrefs /
 * show_refs walk. Per-node objects exist only for the extracted nodes; the heap is read through
 * its typed arrays.
 */
export function extractSubgraph(source: SubgraphSource, starts: readonly number[], options: SubgraphOptions): Subgraph {
  const g = source.graph;
  const maxDepth = checkCount('max depth', options.maxDepth ?? 3, 0);
  const tooMany = checkCount('too many', options.tooMany ?? 10, 1);
  const maxNodes = checkCount('max nodes', options.maxNodes ?? 2000, 1);
  const includeWeak = options.includeWeak ?? false;
  const { direction } = options;
  const filter = { direction, includeWeak, includeBuiltins: options.includeBuiltins ?? false };
  // One bit per node, clear between expansions: tells a node's distinct neighbours apart.
  const marks = new Uint8Array((g.nodeCount + 7) >>> 3);
  const globals = globalObjects(g);
  const nodes: SubgraphNode[] = [];
  const edges: SubgraphEdge[] = [];
  const indexOf = new Map<number, number>();
  let nodeLimitReached = false;

  const add = (o: number, depth: number, start: boolean): SubgraphNode => {
    const node = describeNode(source, o, depth, start, globals, options.code);
    indexOf.set(o, nodes.length);
    nodes.push(node);
    return node;
  };
  for (const o of starts) {
    if (o < 0 || o >= g.nodeCount) throw new InvalidOptionError(`node ordinal ${o} is out of range`);
    if (!indexOf.has(o)) add(o, 0, true);
  }

  for (let head = 0; head < nodes.length; head++) {
    const node = nodes[head]!;
    if (node.depth >= maxDepth || (!node.start && (node.gcRoot || node.global))) continue;
    node.expanded = true;
    const { picked, total } = pickNeighbours(source, node.ordinal, filter, tooMany, marks);
    let shown = 0;
    for (const { ordinal: other, edge: e, count } of picked) {
      if (!indexOf.has(other)) {
        if (nodes.length >= maxNodes) {
          nodeLimitReached = true;
          break;
        }
        add(other, node.depth + 1, false);
      }
      shown++;
      const otherId = g.nodeId[other]!;
      const [from, to] = direction === 'retainers' ? [otherId, node.id] : [node.id, otherId];
      const [fromOrdinal, toOrdinal] = direction === 'retainers' ? [other, node.ordinal] : [node.ordinal, other];
      edges.push({ from, to, fromOrdinal, toOrdinal, name: g.edgeName(e), type: g.edgeTypeName(e), count });
    }
    node.truncated = total - shown;
  }
  return {
    direction,
    maxDepth,
    tooMany,
    includeWeak,
    startIds: nodes.filter((n) => n.start).map((n) => n.id),
    nodes,
    edges,
    nodeLimitReached,
  };
}

/** The root's non-synthetic children: the global object(s) DevTools calls user roots. */
function globalObjects(g: HeapGraph): Set<number> {
  const result = new Set<number>();
  const root = g.rootOrdinal;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    const o = g.edgeToOrdinal[e]!;
    if (g.nodeType[o] !== g.nodeTypeId.synthetic) result.add(o);
  }
  return result;
}

function describeNode(source: SubgraphSource, o: number, depth: number, start: boolean, globals: Set<number>, code: CodeNames | undefined): SubgraphNode {
  const g = source.graph;
  const { classes, retainedSize, distance } = source;
  const name = g.nodeName(o);
  const d = distance ? distance[o]! : NO_DISTANCE;
  return {
    ordinal: o,
    id: g.nodeId[o]!,
    type: g.nodeTypeName(o),
    name: name.length > NAME_LIMIT ? name.slice(0, NAME_LIMIT) : name,
    className: classes ? classes.names[classes.classOf[o]!]! : `(${g.nodeTypeName(o)})`,
    label: code ? code.label(o) : null,
    selfSize: (source.selfSize ?? g.nodeSelfSize)[o]!,
    retainedSize: retainedSize ? retainedSize[o]! : null,
    distance: d === NO_DISTANCE ? null : d,
    depth,
    start,
    gcRoot: g.nodeType[o] === g.nodeTypeId.synthetic,
    global: globals.has(o),
    expanded: false,
    truncated: 0,
  };
}
