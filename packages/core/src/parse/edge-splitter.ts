import type { EdgeColumns } from '../graph/columns.js';
import type { EdgeSplitClaims } from './edge-array-parser.js';

/**
 * What the parser needs from a split of the edges array between two parties (threads/edge-split.ts):
 * the block claims, the columns both sides fill, and the node offsets the other side reads.
 */
export interface EdgeSplitter extends EdgeSplitClaims {
  readonly columns: EdgeColumns;
  /** The node parser writes edge offsets here. */
  readonly firstEdgeIndex: Uint32Array;
  /** This side's part of the edges array is in the columns. */
  edgesDone(): void;
}
