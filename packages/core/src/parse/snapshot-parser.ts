import { HeapSnapshotError } from '../errors/errors.js';
import { CLOSE_BRACE, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, describeByte, isWhitespace } from './bytes.js';
import { EarlyStrings } from './early-strings.js';
import { EdgeArrayParser } from './edge-array-parser.js';
import type { EdgeSplitter } from './edge-splitter.js';
import type { RetainerArrays } from '../graph/columns.js';
import type { IdIndex } from '../graph/id-index.js';
import { parseHeader, type SnapshotLayout } from './header.js';
import { LocationArrayParser } from './location-array-parser.js';
import { NodeArrayParser } from './node-array-parser.js';
import { IdArrayParser } from './id-array-parser.js';
import { NumberArraySkipper } from './number-array-skipper.js';
import { StringArrayTokenizer, type StringLimits } from './string-array.js';
import { ValueSkipper } from './value-skipper.js';
import type { ParsedSnapshot } from './parsed-snapshot.js';

const enum Mode {
  Start,
  KeyOrEnd,
  Key,
  Colon,
  ArrayOpen,
  Value,
  AfterValue,
  Done,
}

const HEADER_LIMIT = 1 << 20;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Fewest bytes a number can take in the file ("0,"), used to catch headers that lie about counts. */
const MIN_BYTES_PER_NUMBER = 2;
/** Strings a snapshot may hold beyond those its nodes, edges and traced functions can name: writers other than V8 may keep a few. */
const UNNAMED_STRINGS_MARGIN = 1 << 16;

type Section = 'nodes' | 'edges' | 'locations' | 'strings';
type ValueReader = {
  done: boolean;
  write(buf: Buffer, start: number, end: number, base: number): number;
};

export interface ParserOptions {
  /** Upper bound on the decompressed size, to reject absurd counts before allocating for them. */
  maxBytes?: number;
  /** Keep only node ids (a baseline for leak detection): edges and strings are skipped. */
  idsOnly?: boolean;
  /** Called once the header is known; may return a split to parse the edges array from both ends. */
  edgeSplit?: (layout: SnapshotLayout, headerEnd: number) => EdgeSplitter | null;
  /** Most JavaScript heap the strings may take (estimated: see StringLimits); more is refused, not a fatal out-of-memory. */
  maxStringHeapBytes?: number;
}

/** What an ids-only parse yields. */
export interface ParsedIds {
  layout: SnapshotLayout;
  ids: Uint32Array;
  /** The ids as a set (and index into `ids`). */
  index: IdIndex;
  byteLength: number;
}

/**
 * Push parser for the .heapsnapshot JSON: feed chunks with write(), then end(). Memory is the
 * typed arrays sized from the header; the file is never one string.
 */
export class SnapshotParser {
  private mode = Mode.Start;
  private offset = 0;
  private key = '';
  private keyBytes: number[] = [];
  private reader: ValueReader | null = null;
  private arraySection: Section | null = null;
  private headerSkipper: ValueSkipper | null = null;
  private layout: SnapshotLayout | null = null;
  private nodes: NodeArrayParser | null = null;
  private edges: EdgeArrayParser | null = null;
  private locations: LocationArrayParser | null = null;
  private strings: StringArrayTokenizer | null = null;
  /** A strings array that came before the nodes array, kept as bytes until its bounds are confirmed. */
  private earlyStrings: EarlyStrings | null = null;
  private ids: IdArrayParser | null = null;
  private split: EdgeSplitter | null = null;
  private readonly seen = new Set<string>();
  /** Stream offset just after the top-level object's '}', once it closed. */
  private snapshotEnd = -1;
  /** Where the first byte after the end that is neither whitespace nor NUL padding was, or -1. */
  private strayAt = -1;

  constructor(private readonly options: ParserOptions = {}) {}

  get bytesRead(): number {
    return this.offset;
  }

  /** A retainer index built alongside the parse (threads/edge-split.ts), handed on to the graph. */
  prebuiltRetainers: RetainerArrays | null = null;

  /**
   * A later file offset the parser can resume at without reading what lies before it (the
   * other side's part of a split edges array), or -1. A reader that jumps there calls skipTo().
   */
  get skipTarget(): number {
    const target = this.edges?.skipTarget ?? -1;
    return target > this.offset ? target : -1;
  }

  skipTo(offset: number): void {
    if (offset !== this.skipTarget) throw new Error(`skipTo(${offset}): the parser cannot resume there`);
    this.offset = offset;
  }

  /** The edges array parser, once the array has been opened. */
  get edgeParser(): EdgeArrayParser | null {
    return this.edges;
  }

  write(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const base = this.offset;
    const end = buf.length;
    let i = 0;
    while (i < end) {
      switch (this.mode) {
        case Mode.Start: {
          const c = buf[i]!;
          if (!isWhitespace(c)) {
            // A UTF-8 byte order mark is harmless (byte by byte: a chunk may end inside it);
            // anything else must open the top-level object.
            if (base + i < 3 && c === UTF8_BOM[base + i]) { i++; continue; }
            if (c !== OPEN_BRACE) this.fail(base + i, `not a heap snapshot: expected '{', found ${describeByte(c)}`);
            this.mode = Mode.KeyOrEnd;
          }
          i++;
          break;
        }
        case Mode.KeyOrEnd: {
          const c = buf[i]!;
          if (c === QUOTE) {
            this.keyBytes = [];
            this.mode = Mode.Key;
          } else if (c === CLOSE_BRACE && this.seen.size === 0) {
            this.mode = Mode.Done;
            this.snapshotEnd = base + i + 1;
          } else if (!isWhitespace(c)) {
            this.fail(base + i, `expected a key, found ${describeByte(c)}`);
          }
          i++;
          break;
        }
        case Mode.Key: {
          const c = buf[i]!;
          if (c === QUOTE) {
            this.key = Buffer.from(this.keyBytes).toString('utf8');
            this.mode = Mode.Colon;
          } else {
            if (this.keyBytes.length > 256) this.fail(base + i, `top-level key is too long`);
            this.keyBytes.push(c);
          }
          i++;
          break;
        }
        case Mode.Colon: {
          const c = buf[i]!;
          if (c === COLON) this.beginValue(base + i);
          else if (!isWhitespace(c)) this.fail(base + i, `expected ':' after "${this.key}", found ${describeByte(c)}`);
          i++;
          break;
        }
        case Mode.ArrayOpen: {
          const c = buf[i]!;
          if (c === OPEN_BRACKET) {
            this.reader = this.openSection(this.arraySection!, base + i);
            this.mode = Mode.Value;
          } else if (!isWhitespace(c)) {
            this.fail(base + i, `"${this.arraySection}" must be an array, found ${describeByte(c)}`);
          }
          i++;
          break;
        }
        case Mode.Value: {
          const reader = this.reader!;
          i = reader.write(buf, i, end, base);
          if (reader.done) {
            if (reader === this.headerSkipper) this.acceptHeader(base + i);
            if (reader === this.edges) this.split?.edgesDone();
            this.reader = null;
            this.mode = Mode.AfterValue;
          }
          break;
        }
        case Mode.AfterValue: {
          const c = buf[i]!;
          if (c === COMMA) {
            this.mode = Mode.KeyOrEnd;
          } else if (c === CLOSE_BRACE) {
            this.mode = Mode.Done;
            this.snapshotEnd = base + i + 1;
          }
          else if (!isWhitespace(c)) this.fail(base + i, `expected ',' or '}' after "${this.key}", found ${describeByte(c)}`);
          i++;
          break;
        }
        case Mode.Done: {
          // What follows a complete snapshot is not read: the tail of a longer file overwritten
          // in place, say. end() still validates the snapshot; the reader warns about the bytes.
          if (this.strayAt >= 0) {
            i = end;
            break;
          }
          const c = buf[i]!;
          if (!isWhitespace(c) && c !== 0) this.strayAt = base + i;
          i++;
          break;
        }
      }
    }
    this.offset = base + end;
  }

  /**
   * Bytes after the end of a complete snapshot that are not just whitespace or NUL padding:
   * where the snapshot ended and how many bytes follow it. Meaningful after end() or endIds().
   */
  get strayBytes(): { end: number; count: number } | null {
    return this.strayAt < 0 ? null : { end: this.snapshotEnd, count: this.offset - this.snapshotEnd };
  }

  /** Validates completeness and cross-section references; returns the parsed columns. */
  end(): ParsedSnapshot {
    const offset = this.offset;
    if (offset === 0) throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `empty file`, 0);
    if (this.mode !== Mode.Done) {
      const where = this.reader && this.arraySection ? ` inside "${this.arraySection}"` : '';
      throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `file ends early${where} (truncated snapshot?)`, offset);
    }
    const layout = this.layout;
    if (!layout) throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `not a heap snapshot: no "snapshot" header`, 0);
    if (this.earlyStrings && this.nodes) {
      this.strings = this.earlyStrings.decode(this.stringLimits());
      this.earlyStrings = null;
    }
    const nodes = this.nodes;
    const edges = this.edges;
    const strings = this.strings;
    if (!nodes || !edges || !strings) {
      const missing = !nodes ? 'nodes' : !edges ? 'edges' : 'strings';
      throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `not a heap snapshot: no "${missing}" array`, offset);
    }
    const stringCount = strings.strings.length;
    if (layout.header.node_count > 0 && nodes.maxNameIndex >= stringCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_STRING_INDEX', `node name index ${nodes.maxNameIndex} is beyond the ${stringCount} strings`, nodes.maxNameOffset);
    }
    if (layout.header.edge_count > 0 && edges.maxNameIndex >= stringCount) {
      throw new HeapSnapshotError('E_SNAPSHOT_STRING_INDEX', `edge name index ${edges.maxNameIndex} is beyond the ${stringCount} strings`, edges.maxNameOffset);
    }
    return {
      layout,
      nodeTypes: layout.nodeTypes,
      edgeTypes: layout.edgeTypes,
      rootOrdinal: layout.rootOrdinal,
      extraNativeBytes: layout.extraNativeBytes,
      nodes: nodes.columns,
      edges: edges.columns,
      locations: this.locations?.columns ?? null,
      strings: strings.strings,
      ...(this.prebuiltRetainers ? { retainers: this.prebuiltRetainers } : {}),
      byteLength: offset,
    };
  }

  /** Completes an ids-only parse. */
  endIds(): ParsedIds {
    const offset = this.offset;
    if (offset === 0) throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `empty file`, 0);
    if (this.mode !== Mode.Done) throw new HeapSnapshotError('E_SNAPSHOT_TRUNCATED', `file ends early (truncated snapshot?)`, offset);
    const layout = this.layout;
    if (!layout) throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `not a heap snapshot: no "snapshot" header`, 0);
    // The other sections are skipped, not read, but a file without them is no snapshot either.
    const ids = this.ids;
    const missing = !ids ? 'nodes' : ['edges', 'strings'].find((key) => !this.seen.has(key));
    if (!ids || missing) throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `not a heap snapshot: no "${missing}" array`, offset);
    ids.index.nodeTypes = { column: ids.nodeType, names: layout.nodeTypes };
    return { layout, ids: ids.ids, index: ids.index, byteLength: offset };
  }

  private beginValue(offset: number): void {
    const key = this.key;
    if (this.seen.has(key)) this.fail(offset, `duplicate top-level key "${key}"`);
    this.seen.add(key);
    if (key === 'snapshot') {
      this.headerSkipper = new ValueSkipper('snapshot header', HEADER_LIMIT);
      this.reader = this.headerSkipper;
      this.mode = Mode.Value;
      return;
    }
    if (key === 'nodes' || key === 'edges' || key === 'locations' || key === 'strings') {
      if (!this.layout) throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `"${key}" comes before the "snapshot" header`, offset);
      this.arraySection = key;
      this.mode = Mode.ArrayOpen;
      return;
    }
    this.arraySection = null;
    this.reader = new ValueSkipper(`"${key}"`);
    this.mode = Mode.Value;
  }

  private openSection(section: Section, offset: number): ValueReader {
    const layout = this.layout!;
    if (this.options.idsOnly) {
      if (section === 'nodes') {
        this.ids = new IdArrayParser(layout);
        return this.ids;
      }
      return section === 'strings' ? new ValueSkipper('strings', 0, true) : new NumberArraySkipper(section);
    }
    switch (section) {
      case 'nodes':
        this.nodes = new NodeArrayParser(layout, this.split?.firstEdgeIndex);
        return this.nodes;
      case 'edges':
        this.edges = new EdgeArrayParser(layout, this.split?.columns, this.split ?? undefined, offset);
        return this.edges;
      case 'locations':
        this.split?.debug('main opened locations');
        // A location row takes at least 8 bytes ("0,0,0,0,") and V8 writes at most one per node.
        this.locations = new LocationArrayParser(layout, Math.min(layout.header.node_count, Math.floor(((this.options.maxBytes ?? 0) - offset) / 8)));
        return this.locations;
      case 'strings':
        this.split?.debug('main opened strings');
        if (!this.nodes?.done) {
          this.earlyStrings = new EarlyStrings(this.stringLimits(), offset + 1);
          return this.earlyStrings;
        }
        this.strings = new StringArrayTokenizer('strings', this.stringLimits());
        return this.strings;
      default:
        return this.fail(offset, `unknown section`);
    }
  }

  /**
   * V8 writes a string only when something names it: a node, an edge, or a traced function (its
   * name and its script's), after the placeholder at index 0. The nodes array confirms the first
   * two counts (EarlyStrings waits for it); traced functions are taken as at most one per node.
   * So the strings cost memory in proportion to the graph, whatever the file's size or compression.
   */
  private stringLimits(): StringLimits {
    const { node_count: nodeCount, edge_count: edgeCount, trace_function_count: traceFunctionCount = 0 } = this.layout!.header;
    const traced = Math.min(traceFunctionCount, nodeCount);
    return {
      maxCount: 1 + nodeCount + edgeCount + 2 * traced + UNNAMED_STRINGS_MARGIN,
      countReason: `${nodeCount} nodes, ${edgeCount} edges and ${traced} traced functions`,
      maxHeapBytes: this.options.maxStringHeapBytes ?? Infinity,
    };
  }

  private acceptHeader(offset: number): void {
    let json: unknown;
    try {
      json = JSON.parse(this.headerSkipper!.text());
    } catch {
      throw new HeapSnapshotError('E_SNAPSHOT_HEADER', `"snapshot" header is not valid JSON`, offset);
    }
    this.headerSkipper = null;
    const layout = parseHeader(json, offset);
    const { node_count: nodeCount, edge_count: edgeCount } = layout.header;
    if (nodeCount >= 2 ** 32 || edgeCount >= 2 ** 32) {
      throw new HeapSnapshotError('E_SNAPSHOT_COUNTS_ABSURD', `header counts (${nodeCount} nodes, ${edgeCount} edges) exceed what heapdiff supports (2^32)`, offset);
    }
    const minBytes = (nodeCount * layout.nodeFieldCount + edgeCount * layout.edgeFieldCount) * MIN_BYTES_PER_NUMBER;
    if (this.options.maxBytes !== undefined && minBytes > this.options.maxBytes) {
      throw new HeapSnapshotError(
        'E_SNAPSHOT_COUNTS_ABSURD',
        `header announces ${nodeCount} nodes and ${edgeCount} edges, more than a file of ${this.options.maxBytes} bytes can hold`,
        offset,
      );
    }
    this.layout = layout;
    if (this.options.edgeSplit && !this.options.idsOnly) this.split = this.options.edgeSplit(layout, offset);
  }

  private fail(offset: number, message: string): never {
    throw new HeapSnapshotError('E_SNAPSHOT_SYNTAX', message, offset);
  }
}
