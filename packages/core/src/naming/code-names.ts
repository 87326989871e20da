import type { HeapGraph } from '../graph/heap-graph.js';
import { consStringValue } from './node-name.js';
import { isUserFile, SourceFiles, type SourceFileOptions } from './source-files.js';
import { childByName, knownNameIndex, type KnownName } from './string-index.js';

/** What a `system / Context` is: a module's top-level scope, or a function's closure scope. */
export interface ScopeInfo {
  /** The top-level scope of a CommonJS or ES module. */
  moduleLevel: boolean;
  esm: boolean;
  /** The script it belongs to (absolute path, file:// URL or node:…), or null when unknown. */
  file: string | null;
  /** A closure created in the scope (names a closure scope), or -1. */
  via: number;
}

/** Bound-function and await wrappers followed at most this deep (a crafted heap may loop them). */
const MAX_WRAPPERS = 8;
/** Function names are cut to this many characters (the file and line that follow never are). */
const MAX_FUNCTION_NAME = 80;

const shortName = (name: string): string => (name.length > MAX_FUNCTION_NAME ? `${name.slice(0, MAX_FUNCTION_NAME - 1)}…` : name);

/**
 * Names of code in the program's words: functions with their file:line:col, scopes by module or by
 * the function that made them, CommonJS and ES modules by file. All cold paths: they read a few
 * edges of the nodes asked about.
 */
export class CodeNames {
  /** String indices of the edge and node names naming code looks for. */
  readonly names: Record<KnownName, number>;
  readonly files: SourceFiles;
  /** Per string: 1 for the names V8 gives scopes (`system / Context`, Chrome's `system / Context / scope @12`). */
  /** Per string index: 0 not yet asked, 1 a scope's name (`system / Context…`), 2 another name. */
  private scopeName: Uint8Array | null = null;

  constructor(private readonly g: HeapGraph, options: SourceFileOptions = {}) {
    this.names = knownNameIndex(g);
    this.files = new SourceFiles(g, this.names, options);
  }

  /**
   * `onShutdown() app/connection.js:7:24`; `(anonymous)()` without a name; `bound f() …` for a bound
   * function; `await in waitReady() …` for the builtin that resumes a suspended async function.
   */
  functionLabel(o: number): string {
    const g = this.g;
    const internal = g.edgeTypeId.internal;
    let prefix = '';
    let f = o;
    for (let depth = 0; depth < MAX_WRAPPERS; depth++) {
      const bound = childByName(g, f, internal, this.names.bound_function);
      if (bound >= 0) {
        prefix += 'bound ';
        f = bound;
        continue;
      }
      if (this.files.position(f) === null) {
        const resumed = this.suspendedFunction(f);
        if (resumed >= 0 && resumed !== f) {
          prefix += 'await in ';
          f = resumed;
          continue;
        }
      }
      break;
    }
    const where = this.files.where(f);
    return `${prefix}${shortName(g.nodeName(f)) || '(anonymous)'}()${where ? ` ${where}` : ''}`;
  }

  /** The async function an `await` builtin resumes: its context's extension is the suspended Generator. */
  private suspendedFunction(closure: number): number {
    const g = this.g;
    const internal = g.edgeTypeId.internal;
    const context = childByName(g, closure, internal, this.names.context);
    const generator = context >= 0 ? childByName(g, context, internal, this.names.extension) : -1;
    if (generator < 0 || g.nodeNameIndex[generator] !== this.names.Generator) return -1;
    return childByName(g, generator, internal, this.names.function);
  }

  isScope(o: number): boolean {
    const g = this.g;
    if (g.nodeType[o] !== g.nodeTypeId.object) return false;
    const name = g.nodeNameIndex[o]!;
    if (name === this.names['system / Context']) return true;
    // Decided per name when first asked: a heap can hold millions of strings, few of them node names.
    const known = (this.scopeName ??= new Uint8Array(g.strings.length));
    if (known[name] === 0) known[name] = g.strings[name]!.startsWith('system / Context') ? 1 : 2;
    return known[name] === 1;
  }

  /**
   * A scope's module and file. A module's top-level scope has `previous` → the NativeContext
   * (CommonJS) or `extension` → its SourceTextModule (ES module); its file is that of a closure
   * created in it (one whose `context` edge points at it, or one it holds).
   */
  scope(c: number): ScopeInfo {
    const g = this.g;
    const { internal, context: contextEdge } = g.edgeTypeId;
    const names = this.names;
    const previous = childByName(g, c, internal, names.previous);
    const extension = childByName(g, c, internal, names.extension);
    const esm = extension >= 0 && g.nodeNameIndex[extension] === names['system / SourceTextModule'];
    const moduleLevel = esm || (previous >= 0 && g.nodeNameIndex[previous] === names['system / NativeContext']);
    const closure = g.nodeTypeId.closure;
    const { firstRetainerIndex, retainingNode, retainingEdge } = g.getRetainers();
    for (let r = firstRetainerIndex[c]!, end = firstRetainerIndex[c + 1]!; r < end; r++) {
      const source = retainingNode[r]!;
      const e = retainingEdge[r]!;
      if (g.nodeType[source] !== closure || g.edgeType[e] !== internal || g.edgeNameOrIndex[e] !== names.context) continue;
      const file = this.files.fileOfClosure(source);
      if (file !== null) return { moduleLevel, esm, file, via: source };
    }
    for (let e = g.firstEdgeIndex[c]!, end = g.firstEdgeIndex[c + 1]!; e < end; e++) {
      const target = g.edgeToOrdinal[e]!;
      if (g.edgeType[e] !== contextEdge || g.nodeType[target] !== closure) continue;
      if (childByName(g, target, internal, names.context) !== c) continue;
      const file = this.files.fileOfClosure(target);
      if (file !== null) return { moduleLevel, esm, file, via: target };
    }
    return { moduleLevel, esm, file: esm ? this.moduleFile(extension) : null, via: -1 };
  }

  /**
   * The variable a scope's edge `e` holds, or null. V8 names a scope's slots after its variables,
   * except in contexts it does not take for declaration scopes (code that vm wrappers compile, as
   * vitest and vite-node do), whose slots are hidden edges `{k}`: then the k-th variable is the
   * k-th hidden string edge of the scope's `scope_info`, which lists the variables in slot order.
   */
  variableName(c: number, e: number): string | null {
    const g = this.g;
    const { context, hidden, internal } = g.edgeTypeId;
    const type = g.edgeType[e];
    if (type === context) return g.edgeName(e);
    if (type !== hidden || !this.isScope(c)) return null;
    // Named slots next to hidden ones would shift the numbering.
    for (let x = g.firstEdgeIndex[c]!, end = g.firstEdgeIndex[c + 1]!; x < end; x++) if (g.edgeType[x] === context) return null;
    const info = childByName(g, c, internal, this.names.scope_info);
    if (info < 0) return null;
    const slot = g.edgeNameOrIndex[e]!;
    for (let x = g.firstEdgeIndex[info]!, end = g.firstEdgeIndex[info + 1]!; x < end; x++) {
      if (g.edgeType[x] !== hidden || g.edgeNameOrIndex[x] !== slot) continue;
      const name = g.edgeToOrdinal[x]!;
      return g.nodeType[name] === g.nodeTypeId.string ? g.nodeName(name) : null;
    }
    return null;
  }

  /** What a person reads for a node: a function with its file:line:col, a scope for what it is; null for anything else. */
  label(o: number): string | null {
    if (this.g.nodeType[o] === this.g.nodeTypeId.closure) return this.functionLabel(o);
    return this.isScope(o) ? this.scopeLabel(o) : null;
  }

  /** `{module scope app/x.js}` or `{closure scope of f() app/x.js:3:7}`. */
  scopeLabel(c: number): string {
    const info = this.scope(c);
    if (info.moduleLevel) return `{module scope ${info.file === null ? '?' : this.files.display(info.file)}}`;
    return info.via >= 0 ? `{closure scope of ${this.functionLabel(info.via)}}` : '{closure scope}';
  }

  /** The file of a CommonJS `Module` object (it has `filename` and `exports`), or null. */
  commonJsModuleFile(o: number): string | null {
    const g = this.g;
    if (g.nodeType[o] !== g.nodeTypeId.object || g.nodeNameIndex[o] !== this.names.Module) return null;
    const property = g.edgeTypeId.property;
    const filename = childByName(g, o, property, this.names.filename);
    if (filename < 0 || childByName(g, o, property, this.names.exports) < 0) return null;
    return this.stringValue(filename);
  }

  /** The file of an ES module (a `system / SourceTextModule`): its code's function, or a scope of it. */
  moduleFile(module: number): string | null {
    const g = this.g;
    const internal = g.edgeTypeId.internal;
    for (let e = g.firstEdgeIndex[module]!, end = g.firstEdgeIndex[module + 1]!; e < end; e++) {
      const code = g.edgeToOrdinal[e]!;
      if (g.nodeNameIndex[code] !== this.names.Generator) continue;
      const fn = childByName(g, code, internal, this.names.function);
      const file = fn >= 0 ? this.files.fileOfClosure(fn) : null;
      if (file !== null) return file;
    }
    return null;
  }

  /** Whether a raw script name is the program's own. */
  isUserFile(name: string | null): name is string {
    return name !== null && isUserFile(name);
  }

  /** A string node's value; Node 18 writes module file names as concatenated strings. */
  private stringValue(o: number): string | null {
    const g = this.g;
    const type = g.nodeType[o];
    if (type === g.nodeTypeId.string) return g.nodeName(o);
    if (type === g.nodeTypeId.concatenatedString) return consStringValue(g, o, 4096) || null;
    return null;
  }
}
