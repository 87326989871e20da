import type { HeapGraph } from '../graph/heap-graph.js';
import { childByName, type KnownName } from './string-index.js';

/** Where a function or an object's constructor is, as V8 writes it (0-based line and column). */
export interface SourcePosition {
  scriptId: number;
  line: number;
  column: number;
}

export interface SourceFileOptions {
  /** Files under this directory are shown relative to it (the CLI passes its working directory). */
  cwd?: string;
}

/**
 * Source positions of the snapshot's closures and class instances (its `locations` rows) and the
 * files of its scripts, for labels like `onShutdown() app/connection.js:7:24`. The script of an id
 * is found through any closure located in it: closure → {shared} → {script} (Node 22+) or
 * {script_or_debug_info} (Node 18, 20), whose node name is the file. Built on first use; the row
 * lookup is a sorted index of (ordinal, row) pairs, since V8 writes the rows in no useful order.
 */
export class SourceFiles {
  private rowIndex: Uint32Array | null = null;
  private readonly scriptNames = new Map<number, string>();
  private scriptsFound = false;
  private readonly cwd: string | undefined;

  constructor(
    private readonly g: HeapGraph,
    private readonly names: Record<KnownName, number>,
    options: SourceFileOptions = {},
  ) {
    this.cwd = options.cwd?.replace(/\/+$/, '');
  }

  /** The node's source position, or null (plain objects, arrays, builtins have none). */
  position(o: number): SourcePosition | null {
    const loc = this.g.locations;
    if (!loc) return null;
    const index = (this.rowIndex ??= sortRowsByOrdinal(loc.ordinal, loc.count));
    let lo = 0;
    let hi = loc.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = index[2 * mid + 1]!;
      if (at === o) {
        const row = index[2 * mid]!;
        return { scriptId: loc.scriptId[row]!, line: loc.line[row]!, column: loc.column[row]! };
      }
      if (at < o) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** The script's file as a person would type it: relative to the working directory when under it. */
  file(scriptId: number): string {
    if (!this.scriptsFound) this.findScripts();
    const name = this.scriptNames.get(scriptId);
    return name === undefined ? `<script ${scriptId}>` : displayPath(name, this.cwd);
  }

  /** Whether the script is the program's own code (not Node's `node:` modules, not eval). */
  isUserScript(scriptId: number): boolean {
    if (!this.scriptsFound) this.findScripts();
    const name = this.scriptNames.get(scriptId);
    return name !== undefined && isUserFile(name);
  }

  /** `app/connection.js:7:24` (1-based), or null. */
  where(o: number): string | null {
    const p = this.position(o);
    return p ? `${this.file(p.scriptId)}:${p.line + 1}:${p.column + 1}` : null;
  }

  /** The Script node of a closure, or -1. */
  scriptOfClosure(closure: number): number {
    const g = this.g;
    const internal = g.edgeTypeId.internal;
    const shared = childByName(g, closure, internal, this.names.shared);
    if (shared < 0) return -1;
    let script = childByName(g, shared, internal, this.names.script);
    if (script < 0) script = childByName(g, shared, internal, this.names.script_or_debug_info);
    return script >= 0 && g.nodeType[script] === g.nodeTypeId.code ? script : -1;
  }

  /** A closure's file, or null: from its script, else from its location row. */
  fileOfClosure(closure: number): string | null {
    const script = this.scriptOfClosure(closure);
    if (script >= 0) return this.g.nodeName(script);
    const p = this.position(closure);
    if (!p) return null;
    if (!this.scriptsFound) this.findScripts();
    return this.scriptNames.get(p.scriptId) ?? null;
  }

  /** A raw script name (absolute path, file:// URL, node:…) for display. */
  display(name: string): string {
    return displayPath(name, this.cwd);
  }

  private findScripts(): void {
    this.scriptsFound = true;
    const g = this.g;
    const loc = g.locations;
    if (!loc) return;
    const closure = g.nodeTypeId.closure;
    for (let row = 0; row < loc.count; row++) {
      const o = loc.ordinal[row]!;
      const id = loc.scriptId[row]!;
      if (g.nodeType[o] !== closure || this.scriptNames.has(id)) continue;
      const script = this.scriptOfClosure(o);
      if (script >= 0) this.scriptNames.set(id, g.nodeName(script));
    }
  }
}

/** Whether a script name is the program's own file: not Node's (`node:…`), not eval's (''). */
export function isUserFile(name: string): boolean {
  return name !== '' && !name.startsWith('node:') && !name.startsWith('<');
}

/**
 * `file:///srv/app/x.js` → `/srv/app/x.js`; under `cwd` → relative to it; a file elsewhere in a
 * package → from its `node_modules/` on. Never cut: a file name is shown whole or not at all.
 */
export function displayPath(name: string, cwd?: string): string {
  if (name === '') return '<anonymous script>';
  // Chrome names a page's scripts `system / Script / <url>`.
  let path = name.startsWith('system / Script / ') ? name.slice(18) : name;
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      // not a valid URL: shown as written
    }
  }
  if (cwd && path.startsWith(`${cwd}/`)) return path.slice(cwd.length + 1);
  const modules = path.lastIndexOf('/node_modules/');
  return modules >= 0 ? path.slice(modules + 1) : path;
}

/** Pairs (row, ordinal) sorted by ordinal, as a flat Uint32Array: one typed sort, no objects. */
function sortRowsByOrdinal(ordinal: Uint32Array, count: number): Uint32Array {
  const keys = new BigUint64Array(count);
  const words = new Uint32Array(keys.buffer);
  // Little-endian: the low word is the row, the high word the ordinal, so keys sort by ordinal.
  for (let row = 0; row < count; row++) {
    words[2 * row] = row;
    words[2 * row + 1] = ordinal[row]!;
  }
  keys.sort();
  return words;
}
