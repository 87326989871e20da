// Byte-level edits of a snapshot file, applied together.
import type { SnapshotMap } from './snapshot-map.js';

export type NumberSection = 'nodes' | 'edges';

export type Splice = [from: number, to: number, text: Buffer | string];

export function applySplices(bytes: Buffer, splices: Splice[]): Buffer {
  // Last first, so earlier offsets stay valid; overlapping edits are dropped.
  const sorted = [...splices].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const parts: Buffer[] = [];
  let tail = bytes.length;
  for (const [from, to, text] of sorted) {
    if (to > tail) continue;
    parts.push(bytes.subarray(to, tail), Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'));
    tail = from;
  }
  parts.push(bytes.subarray(0, tail));
  return Buffer.concat(parts.reverse());
}

/** The text of one number of the nodes or edges array. */
export function tokenText(map: SnapshotMap, s: NumberSection, t: number): string {
  return map.bytes.toString('latin1', map[s].start[t]!, map[s].end[t]!);
}
