import type { HeapGraph } from '../graph/heap-graph.js';
import { formatPropertyName } from './property-names.js';

/** DevTools' constants for naming plain objects after their property sets (`{a, b, c}`). */
const MIN_INTERFACE_PROPERTY_COUNT = 1;
const MAX_INTERFACE_NAME_LENGTH = 120;
const MIN_OBJECT_COUNT_PER_INTERFACE = 2;
const MIN_OBJECT_PROPORTION_PER_INTERFACE = 1000;

export interface InterfaceDefinition {
  name: string;
  properties: string[];
}

/** Plain objects grouped by their property-edge name sequence, so each shape is examined once. */
export interface PlainObjectShapes {
  /** Per plain object ordinal (in node order), its shape id. */
  ordinals: Uint32Array;
  shapeOf: Uint32Array;
  /** Property edge names per shape, in edge order (including `__proto__`). */
  shapes: string[][];
  counts: number[];
}

export function collectPlainObjectShapes(g: HeapGraph): PlainObjectShapes {
  const objectName = g.strings.indexOf('Object');
  const objectType = g.nodeTypeId.object;
  const { nodeType, nodeNameIndex, firstEdgeIndex, edgeType, edgeNameOrIndex } = g;
  const property = g.edgeTypeId.property;
  let total = 0;
  for (let o = 0; o < g.nodeCount; o++) if (nodeType[o] === objectType && nodeNameIndex[o] === objectName) total++;
  const ordinals = new Uint32Array(total);
  const shapeOf = new Uint32Array(total);
  const shapes: string[][] = [];
  const counts: number[] = [];
  // Shapes are found by a hash of the property-name sequence, confirmed edge by edge against a
  // representative object, so no per-object string is built.
  const byHash = new Map<number, number[]>();
  const representative: number[] = [];
  const sameShape = (a: number, b: number): boolean => {
    let ea = firstEdgeIndex[a]!;
    let eb = firstEdgeIndex[b]!;
    const endA = firstEdgeIndex[a + 1]!;
    const endB = firstEdgeIndex[b + 1]!;
    for (;;) {
      while (ea < endA && edgeType[ea] !== property) ea++;
      while (eb < endB && edgeType[eb] !== property) eb++;
      if (ea === endA || eb === endB) return ea === endA && eb === endB;
      if (edgeNameOrIndex[ea] !== edgeNameOrIndex[eb]) return false;
      ea++;
      eb++;
    }
  };
  let k = 0;
  for (let o = 0; o < g.nodeCount; o++) {
    if (nodeType[o] !== objectType || nodeNameIndex[o] !== objectName) continue;
    let hash = 0x811c9dc5;
    for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
      if (edgeType[e] === property) hash = Math.imul(hash ^ edgeNameOrIndex[e]!, 0x01000193);
    }
    let candidates = byHash.get(hash);
    let shape = -1;
    if (candidates) {
      for (const s of candidates) {
        if (sameShape(representative[s]!, o)) {
          shape = s;
          break;
        }
      }
    } else {
      candidates = [];
      byHash.set(hash, candidates);
    }
    if (shape < 0) {
      shape = shapes.length;
      candidates.push(shape);
      representative.push(o);
      const names: string[] = [];
      for (let e = firstEdgeIndex[o]!, end = firstEdgeIndex[o + 1]!; e < end; e++) {
        if (edgeType[e] === property) names.push(g.strings[edgeNameOrIndex[e]!]!);
      }
      shapes.push(names);
      counts.push(0);
    }
    counts[shape]!++;
    ordinals[k] = o;
    shapeOf[k] = shape;
    k++;
  }
  return { ordinals, shapeOf, shapes, counts };
}

/** The popular property sets among plain objects, most popular first (DevTools' inference). */
export function inferInterfaceDefinitions(objects: PlainObjectShapes): InterfaceDefinition[] {
  interface Candidate extends InterfaceDefinition {
    count: number;
  }
  const candidates = new Map<string, Candidate>();
  for (let s = 0; s < objects.shapes.length; s++) {
    let name = '{';
    const properties: string[] = [];
    for (const edgeName of objects.shapes[s]!) {
      if (edgeName === '__proto__') continue;
      const formatted = formatPropertyName(edgeName);
      if (name.length > MIN_INTERFACE_PROPERTY_COUNT && name.length + formatted.length > MAX_INTERFACE_NAME_LENGTH) break;
      if (name.length !== 1) name += ', ';
      name += formatted;
      properties.push(edgeName);
    }
    if (properties.length === 0) continue;
    name += '}';
    const candidate = candidates.get(name);
    if (candidate) candidate.count += objects.counts[s]!;
    else candidates.set(name, { name, properties, count: objects.counts[s]! });
  }
  // Stable sort: equally popular candidates keep first-seen order, as in DevTools.
  const sorted = [...candidates.values()].sort((a, b) => b.count - a.count);
  const minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE, objects.ordinals.length / MIN_OBJECT_PROPORTION_PER_INTERFACE);
  const result: InterfaceDefinition[] = [];
  for (const c of sorted) {
    if (c.count < minCount) break;
    result.push({ name: c.name, properties: c.properties });
  }
  return result;
}

/**
 * For each shape, the interface it is named after: the definition with the most properties that
 * are all present on the object (earliest definition on ties), or -1 to stay `Object`.
 */
export function matchInterfaces(objects: PlainObjectShapes, definitions: InterfaceDefinition[]): Int32Array {
  const sortedDefinitions = definitions.map((d) => new Set(d.properties));
  const result = new Int32Array(objects.shapes.length).fill(-1);
  // Index definitions by property so each shape only checks definitions it could match.
  const byProperty = new Map<string, number[]>();
  sortedDefinitions.forEach((props, i) => {
    for (const p of props) {
      const list = byProperty.get(p);
      if (list) list.push(i);
      else byProperty.set(p, [i]);
    }
  });
  for (let s = 0; s < objects.shapes.length; s++) {
    // Only properties some definition has: a shape can have thousands (a namespace object),
    // and a set of them all per shape is large-object garbage the heap keeps growing for.
    const present = new Set<string>();
    for (const p of objects.shapes[s]!) if (byProperty.has(p)) present.add(p);
    let best = -1;
    let bestCount = 0;
    const tried = new Set<number>();
    for (const p of present) {
      for (const i of byProperty.get(p) ?? []) {
        if (tried.has(i)) continue;
        tried.add(i);
        const props = sortedDefinitions[i]!;
        if (props.size < bestCount || (props.size === bestCount && i > best)) continue;
        let all = true;
        for (const q of props) {
          if (!present.has(q)) {
            all = false;
            break;
          }
        }
        if (all) {
          best = i;
          bestCount = props.size;
        }
      }
    }
    result[s] = best;
  }
  return result;
}
