import type { HeapGraph } from '../graph/heap-graph.js';
import { DETACHED } from '../algorithms/detachedness.js';
import { collectPlainObjectShapes, inferInterfaceDefinitions, matchInterfaces, type InterfaceDefinition } from './interfaces.js';
import { LocationKeys } from './location-keys.js';
import { UNINITIALIZED, takeFrom, type ScratchPool } from '../algorithms/scratch-pool.js';

/** Class of every node, as DevTools' Summary groups them. */
export interface ClassTable {
  /** Per node ordinal, an index into names/keys. */
  classOf: Uint32Array;
  /** Display name (`Foo`, `(string)`, `{a, b}`, `Detached <div>`). */
  names: string[];
  /** DevTools' aggregate key: `,Name`, or `scriptId,line,column,Name` for located objects. */
  keys: string[];
  interfaces: InterfaceDefinition[];
}

export interface ClassNameOptions {
  /** Use these interface definitions instead of inferring them (to class one snapshot like another). */
  interfaces?: InterfaceDefinition[];
}

/** The node's name as DevTools shows it: native nodes found detached get a `Detached ` prefix. */
export function displayName(g: HeapGraph, domState: Uint8Array | null, o: number): string {
  const raw = g.nodeName(o);
  return domState && domState[o] === DETACHED && g.nodeType[o] === g.nodeTypeId.native ? `Detached ${raw}` : raw;
}

/** `<div id="x">` → `<div>`; `Detached <div id="x">` → `Detached <div>`. */
function shortenTagName(name: string): string {
  if (name.startsWith('<')) {
    const space = name.indexOf(' ');
    return space !== -1 ? `${name.substring(0, space)}>` : name;
  }
  if (name.startsWith('Detached <')) {
    const space = name.indexOf(' ', 10);
    return space !== -1 ? `${name.substring(0, space)}>` : name;
  }
  return name;
}

export function computeClassTable(g: HeapGraph, domState: Uint8Array | null, options: ClassNameOptions = {}, pool?: ScratchPool): ClassTable {
  const n = g.nodeCount;
  const names: string[] = [];
  const keys: string[] = [];
  const idByKey = new Map<string, number>();
  const intern = (name: string, key: string): number => {
    let id = idByKey.get(key);
    if (id === undefined) {
      id = names.length;
      idByKey.set(key, id);
      names.push(name);
      keys.push(key);
    }
    return id;
  };
  const byName = (name: string): number => intern(name, `,${name}`);
  const t = g.nodeTypeId;
  // Classes named after the node's own name string: resolved once per string index.
  const classOfString = new Int32Array(g.strings.length).fill(-1);
  // Every other type has one class per type, resolved up front so the loop does no lookups.
  const typeClass = g.nodeTypes.map((type, id) =>
    id === t.hidden ? byName('(system)') :
    id === t.code ? byName('(compiled code)') :
    id === t.closure ? byName('Function') :
    id === t.regexp ? byName('RegExp') :
    id === t.object || id === t.native ? -1 :
    byName(`(${type})`),
  );
  const classOf = takeFrom(pool, n, UNINITIALIZED); // the loop below sets every entry
  const { nodeType, nodeNameIndex } = g;

  for (let o = 0; o < n; o++) {
    const type = nodeType[o]!;
    let id = typeClass[type]!;
    if (id < 0) {
      const nameIndex = nodeNameIndex[o]!;
      if (domState && domState[o] === DETACHED && type === t.native) {
        id = byName(shortenTagName(displayName(g, domState, o)));
      } else {
        id = classOfString[nameIndex]!;
        if (id < 0) {
          id = byName(shortenTagName(g.strings[nameIndex]!));
          classOfString[nameIndex] = id;
        }
      }
    }
    classOf[o] = id;
  }

  const shapes = collectPlainObjectShapes(g);
  const interfaces = options.interfaces ?? inferInterfaceDefinitions(shapes);
  const match = matchInterfaces(shapes, interfaces);
  const interfaceClass = interfaces.map((d) => byName(d.name));
  for (let k = 0; k < shapes.ordinals.length; k++) {
    const m = match[shapes.shapeOf[k]!]!;
    if (m >= 0) classOf[shapes.ordinals[k]!] = interfaceClass[m]!;
  }

  // Objects with a constructor location are split by it: two `Foo` classes in different files differ.
  const loc = g.locations;
  if (loc) {
    // Numeric keys: half a million objects must not mean half a million key strings. Only a new
    // (class, location) pair builds its string key; consecutive rows often repeat one.
    const ids = new LocationKeys();
    let last = -1;
    let lastBase = -1;
    let lastScript = -1;
    let lastLine = -1;
    let lastColumn = -1;
    for (let i = 0; i < loc.count; i++) {
      const o = loc.ordinal[i]!;
      if (nodeType[o] !== t.object) continue;
      const base = classOf[o]!;
      const script = loc.scriptId[i]!;
      const line = loc.line[i]!;
      const column = loc.column[i]!;
      if (base !== lastBase || script !== lastScript || line !== lastLine || column !== lastColumn) {
        last = ids.find(base, script, line, column);
        if (last < 0) {
          last = intern(names[base]!, `${script},${line},${column},${names[base]!}`);
          ids.add(base, script, line, column, last);
        }
        lastBase = base;
        lastScript = script;
        lastLine = line;
        lastColumn = column;
      }
      classOf[o] = last;
    }
  }
  return { classOf, names, keys, interfaces };
}

