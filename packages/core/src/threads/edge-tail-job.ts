// Worker side of the edge split (edge-split.ts): finds the end of the edges array in the file, then
// parses it from there backwards, block by block, until it meets the main thread's forward parser.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fillRetainers } from '../graph/retainer-fill.js';
import { CLOSE_BRACKET } from '../parse/bytes.js';
import { EdgeTailParser } from '../parse/edge-tail-parser.js';
import {
  CTL_ABORT, CTL_EDGES_DONE, CTL_RETAINERS, CTL_SPARE, CTL_STATUS, OWNER_WORKER, RES_CLOSE, RES_COUNT, RES_MAX_NAME, RES_MAX_NAME_OFFSET, RES_OPEN, RES_STOP,
  SPARE_WAITING, STATUS_DONE, STATUS_NO_SPLIT, STATUS_PROBLEM, type EdgeTailJob,
} from './protocol.js';
import { debugSplit } from './spawn.js';

const SCAN_CHUNK = 1 << 20;
/** The key V8 writes right after the edges array. */
const NEXT_KEY = Buffer.from('"trace_function_infos":');

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Parses the tail of the edges array, then builds the retainer index while the main thread reads
 * the rest of the file (it would build it next otherwise). True when the worker is then a spare.
 */
export function runEdgeTailJob(job: EdgeTailJob): boolean {
  const task = new EdgeTailTask(job);
  task.debug('started');
  let status = STATUS_PROBLEM;
  let fd = -1;
  try {
    fd = openSync(job.path, 'r');
    status = task.parseTail(fd);
  } catch {
    status = STATUS_PROBLEM;
  } finally {
    if (fd >= 0) closeSync(fd);
    Atomics.store(task.control, CTL_STATUS, status);
    Atomics.notify(task.control, CTL_STATUS);
  }
  if (status === STATUS_DONE) task.buildRetainers();
  return Atomics.load(task.control, CTL_SPARE) === SPARE_WAITING;
}

class EdgeTailTask {
  readonly control: Int32Array;
  private readonly results: Float64Array;
  private readonly claims: Int32Array;

  constructor(private readonly job: EdgeTailJob) {
    this.control = new Int32Array(job.control);
    this.results = new Float64Array(job.results);
    this.claims = new Int32Array(job.claims);
  }

  readonly aborted = (): boolean => Atomics.load(this.control, CTL_ABORT) !== 0;

  debug(what: string): void {
    if (this.job.debug) debugSplit(`worker ${what}`);
  }

  parseTail(fd: number): number {
    const { job, results } = this;
    // V8 writes the header, then "nodes", then "edges"; anything else is left to the main thread.
    let close = this.findEdgesCloseFromEnd(fd, fstatSync(fd).size);
    if (close !== -1) {
      this.debug('found the end of the edges array from the end of the file');
    } else {
      close = this.findEdgesCloseFromStart(fd);
      if (close === -1) return STATUS_NO_SPLIT;
      this.debug('found the end of the edges array reading forward');
    }
    results[RES_CLOSE] = close;

    const B = job.blockBytes;
    const tail = new EdgeTailParser(job.layout, job.columns);
    const buf = Buffer.allocUnsafe(B);
    // Down to the array's '[' (where the tail parser stops) or the main thread's first block.
    for (let block = Math.floor(close / B); block >= 0; block--) {
      if (this.aborted()) return STATUS_PROBLEM;
      if (Atomics.compareExchange(this.claims, block, 0, OWNER_WORKER) !== 0) break; // the main thread got here first
      const lo = Math.max(block * B, job.headerEnd);
      const hi = Math.min((block + 1) * B, close);
      if (hi <= lo) continue;
      const n = readSync(fd, buf, 0, hi - lo, lo);
      if (n !== hi - lo) return STATUS_PROBLEM;
      tail.writeBackward(buf, 0, n, lo);
      if (tail.problem) return STATUS_PROBLEM;
      if (tail.reachedOpen) break;
      if (lo === job.headerEnd) return STATUS_PROBLEM; // no '[' after the header
    }
    this.debug('parsed the tail');
    results[RES_OPEN] = tail.openOffset;
    results[RES_STOP] = tail.reachedOpen ? tail.openOffset : tail.alignedStop;
    results[RES_COUNT] = tail.reachedOpen ? tail.count : tail.alignedCount;
    results[RES_MAX_NAME] = tail.maxNameIndex;
    results[RES_MAX_NAME_OFFSET] = tail.maxNameOffset;
    return STATUS_DONE;
  }

  /** Waits until the main thread's part of the edges is in, then fills the retainer index. */
  buildRetainers(): void {
    const { control, job } = this;
    while (Atomics.load(control, CTL_EDGES_DONE) === 0) {
      if (this.aborted()) return;
      Atomics.wait(control, CTL_EDGES_DONE, 0, 50);
    }
    if (this.aborted()) return;
    fillRetainers(job.firstEdgeIndex, job.columns.edgeToOrdinal, job.layout.header.node_count, job.retainers);
    this.debug('built the retainer index');
    // A spare before the main thread can see the graph: it may claim this worker right away.
    Atomics.store(control, CTL_SPARE, SPARE_WAITING);
    Atomics.store(control, CTL_RETAINERS, 1);
    Atomics.notify(control, CTL_RETAINERS);
  }

  /**
   * The edges array's ']', found from the end of the file: the key that follows it cannot occur
   * anywhere else in valid JSON (inside a string its quotes would be escaped; a string element is
   * never followed by ':'). Searches at most half the file, which the sections after the edges
   * (locations, strings) rarely reach. The join checks the result against the main thread's parse.
   */
  private findEdgesCloseFromEnd(fd: number, size: number): number {
    const buf = Buffer.allocUnsafe(SCAN_CHUNK);
    const overlap = NEXT_KEY.length - 1;
    for (let end = size; end > size / 2 && end > this.job.headerEnd; end -= SCAN_CHUNK - overlap) {
      if (this.aborted()) return -1;
      const start = Math.max(0, end - SCAN_CHUNK);
      const n = readSync(fd, buf, 0, end - start, start);
      const at = buf.subarray(0, n).lastIndexOf(NEXT_KEY);
      if (at === -1) continue;
      // Back over `,` and whitespace to the ']'.
      let i = at - 1;
      while (i >= 0 && isSpace(buf[i]!)) i--;
      if (i < 0 || buf[i] !== 0x2c) return -1;
      i--;
      while (i >= 0 && isSpace(buf[i]!)) i--;
      return i >= 0 && buf[i] === CLOSE_BRACKET ? start + i : -1;
    }
    return -1;
  }

  /** The edges array's ']' by reading forward over the nodes and edges (number arrays hold no ']'). */
  private findEdgesCloseFromStart(fd: number): number {
    const scan = new Scanner(fd, this.job.headerEnd, this.aborted);
    if (!scan.expect(',') || !scan.expect('"nodes"') || !scan.expect(':') || !scan.expect('[')) return -1;
    if (!scan.findClose()) return -1;
    scan.pos++;
    if (!scan.expect(',') || !scan.expect('"edges"') || !scan.expect(':') || !scan.expect('[')) return -1;
    return scan.findClose() ? scan.pos : -1;
  }
}

/** Forward reader over the file for the structural scan. */
class Scanner {
  readonly buf = Buffer.allocUnsafe(SCAN_CHUNK);
  private start = 0; // file offset of buf[0]
  private len = 0;
  pos: number;

  constructor(private readonly fd: number, from: number, private readonly aborted: () => boolean) {
    this.pos = from;
  }

  /** The byte at pos, or -1 at the end of the file. */
  peek(): number {
    if (this.pos >= this.start + this.len && !this.fill()) return -1;
    return this.buf[this.pos - this.start]!;
  }

  skipWhitespace(): void {
    for (let c = this.peek(); isSpace(c); c = this.peek()) this.pos++;
  }

  expect(text: string): boolean {
    this.skipWhitespace();
    for (let k = 0; k < text.length; k++) {
      if (this.peek() !== text.charCodeAt(k)) return false;
      this.pos++;
    }
    return true;
  }

  /** Moves pos to the next ']' (number arrays hold none before their end); false at end of file. */
  findClose(): boolean {
    for (;;) {
      if (this.aborted()) return false;
      if (this.pos >= this.start + this.len && !this.fill()) return false;
      const at = this.buf.indexOf(CLOSE_BRACKET, this.pos - this.start);
      if (at !== -1 && at < this.len) {
        this.pos = this.start + at;
        return true;
      }
      this.pos = this.start + this.len;
    }
  }

  private fill(): boolean {
    this.start = this.pos;
    this.len = readSync(this.fd, this.buf, 0, SCAN_CHUNK, this.pos);
    return this.len > 0;
  }
}
