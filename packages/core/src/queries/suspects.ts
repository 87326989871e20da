import type { HeapAnalysis } from '../analysis/analyze.js';
import { CodeNames } from '../naming/code-names.js';
import { LocationKeys } from '../naming/location-keys.js';
import { forEachEntry, type HolderShape } from './holder-kind.js';
import { namedRetainerPath, nameOfPath, type ProgramName } from './program-names.js';
import type { PathStep } from './retainer-path.js';

export interface SuspectOptions {
  /** Suspects reported at most (default 10). */
  limit?: number;
  /** A suspect retains at least this share of the heap (default 0.02: 2%). */
  minShare?: number;
  /** Classes listed per suspect (default 10). */
  classes?: number;
  code?: CodeNames;
}

export interface SuspectClass {
  /** Class name; a function's name and file:line:col for closures. */
  name: string;
  count: number;
  selfSize: number;
  /** Members not held by another member of the same class inside the suspect. */
  retainedSize: number;
}

export interface LeakSuspect {
  /** The accumulation point's node ordinal. */
  ordinal: number;
  name: ProgramName | null;
  shape: HolderShape;
  retainedSize: number;
  /** Its share of the heap's total size (0..1). */
  share: number;
  /** What it holds, by class, largest retained size first. */
  classes: SuspectClass[];
  /** Objects it holds, and classes beyond `classes`. */
  objectCount: number;
  moreClasses: number;
  /** Shortest retainer path from a root to it. */
  path: PathStep[];
}

/** MAT's big drop: the biggest child retains less than this share of the node. */
const BIG_DROP = 0.7;

/**
 * Eclipse MAT's leak suspects for one snapshot (production, near the heap limit): walking down the
 * dominator tree from the root through every node that retains at least `minShare` of the heap,
 * each node whose biggest child retains less than 70% of it (the "big drop") is an accumulation
 * point — the collection that holds a crowd of small objects, where the walk stops. The suspects
 * are the accumulation points that retain the largest shares, each with what it holds by class
 * (one pass over the dominator tree), its path in the program's words and its locations.
 */
export function findSuspects(analysis: HeapAnalysis, options: SuspectOptions = {}): LeakSuspect[] {
  const g = analysis.graph;
  const code = options.code ?? new CodeNames(g);
  const { retainedSize } = analysis;
  const { firstDominated, dominated } = analysis.dominatorTree;
  const root = g.rootOrdinal;
  const total = retainedSize[root]!;
  const floor = total * (options.minShare ?? 0.02);
  const synthetic = g.nodeTypeId.synthetic;
  const hidden = g.nodeTypeId.hidden;

  // Top-down over the nodes retaining at least `floor`: few, however large the heap.
  const found: number[] = [];
  const stack: number[] = [root];
  const sameClass = (a: number, b: number): boolean => g.nodeType[a] === g.nodeType[b] && g.nodeNameIndex[a] === g.nodeNameIndex[b];
  const biggestChild = (o: number): number => {
    let best = -1;
    for (let i = firstDominated[o]!, end = firstDominated[o + 1]!; i < end; i++) {
      const child = dominated[i]!;
      if (best < 0 || retainedSize[child]! > retainedSize[best]!) best = child;
    }
    return best;
  };
  // What the program owns: not a root category, not V8's internals or a backing store, not a
  // global object (which fans out over everything the program keeps).
  const isOwn = (o: number): boolean =>
    o !== root && g.nodeType[o] !== synthetic && g.nodeType[o] !== hidden && g.nodeType[o] !== g.nodeTypeId.array && !heldByRoot(analysis, o);
  const ownerOf = (o: number): number => {
    for (let a = o; a !== root; a = analysis.dominator[a]!) if (isOwn(a)) return a;
    return o;
  };
  while (stack.length > 0) {
    const o = stack.pop()!;
    const biggest = biggestChild(o);
    const drop = biggest < 0 || retainedSize[biggest]! < BIG_DROP * retainedSize[o]!;
    const stop = o !== root && g.nodeType[o] !== synthetic && !heldByRoot(analysis, o) && (drop || isChainTop(o, biggestChild, sameClass, retainedSize));
    if (stop) {
      // Where the heap accumulates: a crowd of small objects (the big drop), or a chain (a linked
      // list, a promise's reactions) whose every link holds the rest. Named by what owns it.
      found.push(ownerOf(o));
      continue;
    }
    for (let i = firstDominated[o]!, end = firstDominated[o + 1]!; i < end; i++) {
      if (retainedSize[dominated[i]!]! >= floor) stack.push(dominated[i]!);
    }
  }
  // A backing store's big drop is its owner's: an array reached over `table` or `elements` belongs to its Map or Array.
  const suspects = [...new Set(found.map((o) => ownerOfStore(analysis, code, o)))]
    .sort((a, b) => retainedSize[b]! - retainedSize[a]!)
    .slice(0, options.limit ?? 10);
  const classes = classesHeld(analysis, code, suspects, options.classes ?? 10);
  return suspects.map((o, i) => {
    const path = namedRetainerPath(analysis, code, o);
    return {
      ordinal: o,
      name: nameOfPath(analysis, code, path),
      shape: forEachEntry(g, code.names, o),
      retainedSize: retainedSize[o]!,
      share: total > 0 ? retainedSize[o]! / total : 0,
      classes: classes[i]!.rows,
      objectCount: classes[i]!.objects,
      moreClasses: classes[i]!.more,
      path,
    };
  });
}

/**
 * A chain starts at `o` when following the biggest child down, the class of `o` comes back every 1
 * to 4 steps, three times over, with no drop in size on the way.
 */
function isChainTop(o: number, biggestChild: (o: number) => number, sameClass: (a: number, b: number) => boolean, retainedSize: ArrayLike<number>): boolean {
  for (let p = 1; p <= 4; p++) {
    let a = o;
    let repeats = 0;
    for (; repeats < 3; repeats++) {
      let b = a;
      for (let step = 0; step < p && b >= 0; step++) {
        const next = biggestChild(b);
        b = next >= 0 && retainedSize[next]! >= BIG_DROP * retainedSize[b]! ? next : -1;
      }
      if (b < 0 || !sameClass(a, b)) break;
      a = b;
    }
    if (repeats === 3) return true;
  }
  return false;
}

/** Whether the root holds `o` directly (a global object, a GC-root category). */
function heldByRoot(analysis: HeapAnalysis, o: number): boolean {
  const g = analysis.graph;
  const root = g.rootOrdinal;
  if (analysis.dominator[o] !== root) return false;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) if (g.edgeToOrdinal[e] === o) return true;
  return false;
}

function ownerOfStore(analysis: HeapAnalysis, code: CodeNames, o: number): number {
  const g = analysis.graph;
  const owner = analysis.dominator[o]!;
  const { table, elements, properties } = code.names;
  const internal = g.edgeTypeId.internal;
  for (let e = g.firstEdgeIndex[owner]!, end = g.firstEdgeIndex[owner + 1]!; e < end; e++) {
    if (g.edgeToOrdinal[e] !== o || g.edgeType[e] !== internal) continue;
    const name = g.edgeNameOrIndex[e];
    if (name === table || name === elements || name === properties) return owner;
  }
  return o;
}

/**
 * Per suspect, the classes of what it holds: one DFS over the dominator tree carrying the suspect
 * it is under, per-class counts in typed arrays (suspects × classes), closures by function and
 * location. A member's retained size counts unless a member of its class holds it (DevTools' rule).
 */
function classesHeld(analysis: HeapAnalysis, code: CodeNames, suspects: number[], keep: number): { rows: SuspectClass[]; objects: number; more: number }[] {
  const g = analysis.graph;
  const { classOf, names } = analysis.classes;
  const classCount = names.length;
  const s = suspects.length;
  const count = new Float64Array(s * classCount);
  const self = new Float64Array(s * classCount);
  const retained = new Float64Array(s * classCount);
  const objects = new Float64Array(s);
  // A byte per node, not a Map: the walk asks for every node under the suspects.
  const isSuspect = new Uint8Array(g.nodeCount);
  for (const o of suspects) isSuspect[o] = 1;
  const closure = g.nodeTypeId.closure;
  // Closures by (name, script, line, column) in a typed table: a suspect can hold millions of them,
  // and a label is built once per function, not per closure.
  const functionKeys = suspects.map(() => new LocationKeys());
  const functions: { suspect: number; sample: number; row: SuspectClass }[] = [];
  const NO_SCRIPT = 0xffffffff;
  const active = new Uint8Array(classCount);
  const { firstDominated, dominated } = analysis.dominatorTree;
  const { selfSize, retainedSize } = analysis;
  // Typed DFS stacks, as deep as the dominator tree (a 10M-link list is a chain of dominators).
  let stack = new Int32Array(1024);
  let cursor = new Uint32Array(1024);
  for (let i = 0; i < s; i++) {
    // Each suspect's subtree on its own: suspects never nest (the walk stops at the first). A node
    // on the stack is ~o when it was counted for its class's retained size (its class is active).
    const top = suspects[i]!;
    let depth = 0;
    stack[depth] = top;
    cursor[depth++] = firstDominated[top]!;
    while (depth > 0) {
      const entry = stack[depth - 1]!;
      const o = entry < 0 ? ~entry : entry;
      const next = cursor[depth - 1]!;
      if (next < firstDominated[o + 1]!) {
        cursor[depth - 1] = next + 1;
        const child = dominated[next]!;
        if (isSuspect[child]) continue;
        if (depth === stack.length) {
          stack = grown(stack, new Int32Array(2 * depth));
          cursor = grown(cursor, new Uint32Array(2 * depth));
        }
        let counted = false;
        if (selfSize[child]) {
          const c = classOf[child]!;
          const at = i * classCount + c;
          objects[i]!++;
          count[at]!++;
          self[at]! += selfSize[child]!;
          if (!active[c]) {
            retained[at]! += retainedSize[child]!;
            active[c] = 1;
            counted = true;
          }
          if (g.nodeType[child] === closure) {
            const p = code.files.position(child);
            const name = g.nodeNameIndex[child]!;
            const script = p ? p.scriptId : NO_SCRIPT;
            const line = p ? p.line : 0;
            const column = p ? p.column : 0;
            let f = functionKeys[i]!.find(name, script, line, column);
            if (f < 0) {
              f = functions.push({ suspect: i, sample: child, row: { name: '', count: 0, selfSize: 0, retainedSize: 0 } }) - 1;
              functionKeys[i]!.add(name, script, line, column, f);
            }
            const row = functions[f]!.row;
            row.count++;
            row.selfSize += selfSize[child]!;
            if (counted) row.retainedSize += retainedSize[child]!;
          }
        }
        stack[depth] = counted ? ~child : child;
        cursor[depth++] = firstDominated[child]!;
        continue;
      }
      depth--;
      if (entry < 0) active[classOf[o]!] = 0;
    }
  }
  const closureClass = names.indexOf('Function');
  return suspects.map((_, i) => {
    const rows: SuspectClass[] = [];
    for (let c = 0; c < classCount; c++) {
      const at = i * classCount + c;
      if (count[at]! > 0 && c !== closureClass) rows.push({ name: names[c]!, count: count[at]!, selfSize: self[at]!, retainedSize: retained[at]! });
    }
    for (const f of functions) if (f.suspect === i) rows.push({ ...f.row, name: code.functionLabel(f.sample) });
    rows.sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count);
    return { rows: rows.slice(0, keep), objects: objects[i]!, more: Math.max(0, rows.length - keep) };
  });
}

function grown<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
