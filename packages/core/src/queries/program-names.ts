import type { HeapAnalysis } from '../analysis/analyze.js';
import type { CodeNames } from '../naming/code-names.js';
import { childByName, type KnownName } from '../naming/string-index.js';
import { shortestRetainerPath, type PathStep, type RetainerStep } from './retainer-path.js';

/** Where a name starts: the program's own way to reach an object. */
export type AnchorKind = 'module' | 'exports' | 'export' | 'global' | 'closure' | 'node' | 'scope';

/** How the program reaches an object: `store.sessions`, a property of what `app/session-store.js` exports. */
export interface ProgramName {
  /** `auditLog`, `store.sessions`, `lifecycle._events.shutdown`, `globalThis.cache`. */
  text: string;
  kind: AnchorKind;
  /** `module app/audit-log.js`, `exports of app/session-store.js`, `closure scope of push() app/q.js:10:5`. */
  where: string;
  /** The index in the path of the step the program's words start from (the scope, exports object or cell). */
  from: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Names are cut to this many characters (a heap's property names are any strings). */
const MAX_NAME = 200;
const NUMERIC = /^\d+$/;

/**
 * Names the object at the end of a shortest retainer path the way the program does: from the last
 * anchor on the path — a variable of a module's top-level scope (CommonJS or ES), what a CommonJS
 * module exports, an ES module's export, a property of the global object, a variable of a
 * function's closure scope — and the properties and elements after it. The last anchor, not the
 * first: a path may pass through other leaked objects, and Node's own modules come first on every
 * path into the program. Null when the path has no anchor in the program's files.
 */
export function nameOfPath(analysis: HeapAnalysis, code: CodeNames, path: readonly PathStep[]): ProgramName | null {
  const g = analysis.graph;
  const { names } = code;
  const { context, hidden, property, internal } = g.edgeTypeId;
  let anchor: { step: number; kind: AnchorKind; label: string; where: string } | null = null;
  for (let k = 1; k < path.length; k++) {
    const prev = path[k - 1]!.ordinal;
    const node = path[k]!.ordinal;
    const e = path[k]!.edge;
    const type = g.edgeType[e];
    const variable = type === context || type === hidden ? code.variableName(prev, e) : null;
    if (variable !== null && code.isScope(prev)) {
      const scope = code.scope(prev);
      if (!code.isUserFile(scope.file)) continue;
      if (scope.moduleLevel) anchor = { step: k, kind: 'module', label: variable, where: `module ${code.files.display(scope.file)}` };
      else if (scope.via >= 0) anchor = { step: k, kind: 'closure', label: variable, where: `closure scope of ${code.functionLabel(scope.via)}` };
    } else if (g.nodeNameIndex[prev] === names.Module && childByName(g, prev, property, names.exports) === node) {
      // By identity, not by the edge: Node 18's loader also pairs each Module with its exports in a WeakMap.
      const file = code.commonJsModuleFile(prev);
      if (code.isUserFile(file)) anchor = { step: k, kind: 'exports', label: '', where: `exports of ${code.files.display(file)}` };
    } else if (type === internal && g.nodeNameIndex[node] === names['system / Cell']) {
      const exported = esmExportOfCell(analysis, code, names, node);
      if (exported) anchor = { step: k + 1, kind: 'export', label: exported.name, where: `export of ${exported.file}` };
    } else if (k === 1 && type === property && isGlobalObject(analysis, prev) && isProgramValue(analysis, code, node)) {
      anchor = { step: k, kind: 'global', label: `globalThis.${g.edgeName(e)}`, where: 'global' };
    }
  }
  if (!anchor) return null;
  let text = anchor.label;
  for (let k = anchor.step + 1; k < path.length; k++) {
    const piece = programEdgeText(analysis, code, path[k - 1]!.ordinal, path[k]!.edge);
    if (piece === null) continue;
    if (piece.restart) text = piece.text;
    else text += text === '' && piece.text.startsWith('.') ? piece.text.slice(1) : piece.text;
    if (piece.stop) break;
  }
  // What the header line stands for: the scope or global holding the variable, the exports object, the export's cell.
  const from = anchor.kind === 'exports' ? anchor.step : anchor.step - 1;
  // A scope is named for what it is (its module, or the function whose closure it is), reached from the anchor.
  const last = path[path.length - 1]!.ordinal;
  if (code.isScope(last)) return { text: code.scopeLabel(last).slice(1, -1), kind: 'scope', where: anchor.where, from };
  return { text: text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text, kind: anchor.kind, where: anchor.where, from };
}

/**
 * One edge as the program writes it: `.name`, `[3]`, `.get("key")`, a variable; null for steps the
 * program never spells (a collection's backing store, a module export's cell). `restart`: a
 * variable starts a name afresh; `stop`: nothing after it is the program's (a promise's reactions).
 */
export function programEdgeText(analysis: HeapAnalysis, code: CodeNames, from: number, e: number): { text: string; restart?: boolean; stop?: boolean } | null {
  const g = analysis.graph;
  const { names } = code;
  const { context, hidden, property, element, internal } = g.edgeTypeId;
  const type = g.edgeType[e];
  const nameIndex = g.edgeNameOrIndex[e]!;
  if (type === element) return { text: `[${nameIndex}]` };
  if (type === property) {
    const name = g.strings[nameIndex]!;
    return { text: IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]` };
  }
  if (type === context || type === hidden) {
    const variable = code.isScope(from) ? code.variableName(from, e) : null;
    return variable === null ? null : { text: variable, restart: true };
  }
  if (type !== internal) return null;
  if (nameIndex === names.table || nameIndex === names.elements || nameIndex === names.properties || nameIndex === names.value) return null;
  if (nameIndex === names.reactions_or_result) return { text: '.then(…)', stop: true };
  if (nameIndex === names.context) return { text: '{context}' };
  const name = g.strings[nameIndex]!;
  if (NUMERIC.test(name)) return { text: mapSlotText(analysis, names, from, Number(name)) };
  return null;
}

/** A Map's entry as `.get("key")` (a string key), `.get(…)` otherwise; a Set's as `{entry}`. */
function mapSlotText(analysis: HeapAnalysis, names: Record<KnownName, number>, table: number, slot: number): string {
  const g = analysis.graph;
  const owner = analysis.dominator[table]!;
  if (childByName(g, owner, g.edgeTypeId.internal, names.table) !== table) return '[…]';
  if (g.nodeNameIndex[owner] === names.Set) return '{entry}';
  const keyName = String(slot - 1);
  for (let e = g.firstEdgeIndex[table]!, end = g.firstEdgeIndex[table + 1]!; e < end; e++) {
    if (g.edgeType[e] !== g.edgeTypeId.internal || g.strings[g.edgeNameOrIndex[e]!] !== keyName) continue;
    const key = g.edgeToOrdinal[e]!;
    return g.nodeType[key] === g.nodeTypeId.string ? `.get(${JSON.stringify(g.nodeName(key))})` : '.get(…)';
  }
  return '.get(…)';
}

/** Retainers looked at per object when naming a Cell: a module's exports table has one or two. */
const MAX_CELL_RETAINERS = 64;

/**
 * The export a Cell holds, found from the Cell whatever the path took to reach it (the exports
 * table, a function's module context, a namespace object): a table that holds it and that an ES
 * module holds.
 */
function esmExportOfCell(analysis: HeapAnalysis, code: CodeNames, names: Record<KnownName, number>, cell: number): { name: string; file: string } | null {
  const g = analysis.graph;
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  const internal = g.edgeTypeId.internal;
  const cellEnd = Math.min(firstRetainerIndex[cell + 1]!, firstRetainerIndex[cell]! + MAX_CELL_RETAINERS);
  for (let r = firstRetainerIndex[cell]!; r < cellEnd; r++) {
    const table = retainingNode[r]!;
    const e = retainingEdge[r]!;
    if (g.edgeType[e] !== internal) continue;
    const tableEnd = Math.min(firstRetainerIndex[table + 1]!, firstRetainerIndex[table]! + MAX_CELL_RETAINERS);
    for (let t = firstRetainerIndex[table]!; t < tableEnd; t++) {
      const exported = esmExport(analysis, code, names, retainingNode[t]!, table, e);
      if (exported) return exported;
    }
  }
  return null;
}

/** An ES module's export: the exports table pairs each name (edge i-1) with its Cell (edge i). */
function esmExport(
  analysis: HeapAnalysis, code: CodeNames, names: Record<KnownName, number>, module: number, table: number, cellEdge: number,
): { name: string; file: string } | null {
  const g = analysis.graph;
  if (g.nodeNameIndex[module] !== names['system / SourceTextModule']) return null;
  const slot = g.strings[g.edgeNameOrIndex[cellEdge]!]!;
  if (!NUMERIC.test(slot)) return null;
  const keyName = String(Number(slot) - 1);
  for (let e = g.firstEdgeIndex[table]!, end = g.firstEdgeIndex[table + 1]!; e < end; e++) {
    const target = g.edgeToOrdinal[e]!;
    if (g.edgeType[e] !== g.edgeTypeId.internal || g.strings[g.edgeNameOrIndex[e]!] !== keyName || g.nodeType[target] !== g.nodeTypeId.string) continue;
    const file = code.moduleFile(module);
    return code.isUserFile(file) ? { name: g.nodeName(target), file: code.files.display(file) } : null;
  }
  return null;
}

/** A global object: held by the synthetic root directly. */
function isGlobalObject(analysis: HeapAnalysis, o: number): boolean {
  const g = analysis.graph;
  const root = g.rootOrdinal;
  for (let e = g.firstEdgeIndex[root]!, end = g.firstEdgeIndex[root + 1]!; e < end; e++) {
    if (g.edgeToOrdinal[e] === o) return g.nodeType[o] !== g.nodeTypeId.synthetic;
  }
  return false;
}

/**
 * Whether a global's value is the program's: a function from its files, an instance of its
 * classes, a plain collection it stored; not what Node and V8 put there (builtins, `process`).
 */
function isProgramValue(analysis: HeapAnalysis, code: CodeNames, o: number): boolean {
  const g = analysis.graph;
  if (g.nodeType[o] === g.nodeTypeId.closure) return code.isUserFile(code.files.fileOfClosure(o));
  const position = code.files.position(o);
  if (position) return code.files.isUserScript(position.scriptId);
  if (g.nodeType[o] !== g.nodeTypeId.object) return false;
  const name = g.nodeName(o);
  return name === 'Object' || name === 'Array' || name === 'Map' || name === 'Set';
}

/**
 * The shortest retainer path to `o`, or one a step longer that ends with a variable of the
 * program when the shortest one has no name in the program's words (see viaVariable).
 */
export function namedRetainerPath(analysis: HeapAnalysis, code: CodeNames, o: number, memo?: Map<number, RetainerStep>): PathStep[] {
  const shortest = shortestRetainerPath(analysis, o, memo);
  const name = nameOfPath(analysis, code, shortest);
  if (name !== null && !name.text.includes('{')) return shortest;
  return viaVariable(analysis, code, o, shortest, memo) ?? shortest;
}

/**
 * A path that ends with a variable of the program holding `o` — a module's or a closure's — when
 * one is at most a step longer than the shortest: shortest paths tie (a promise is also reached
 * through its resolve function's internal scope), and the variable is the name a person knows.
 */
function viaVariable(analysis: HeapAnalysis, code: CodeNames, o: number, shortest: PathStep[], memo: Map<number, RetainerStep> | undefined): PathStep[] | null {
  const g = analysis.graph;
  const { context, hidden } = g.edgeTypeId;
  const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
  let best: PathStep[] | null = null;
  for (let r = firstRetainerIndex[o]!, end = firstRetainerIndex[o + 1]!; r < end; r++) {
    const scope = retainingNode[r]!;
    const e = retainingEdge[r]!;
    const type = g.edgeType[e];
    if ((type !== context && type !== hidden) || analysis.distance[scope]! >= analysis.distance[o]! + 1) continue;
    if (!code.isScope(scope) || code.variableName(scope, e) === null || !code.isUserFile(code.scope(scope).file)) continue;
    const above = shortestRetainerPath(analysis, scope, memo);
    if (above.length === 0 || above.length + 1 > shortest.length + 1 || (best && above.length + 1 >= best.length)) continue;
    best = [...above, { ordinal: o, edge: e }];
  }
  return best;
}

