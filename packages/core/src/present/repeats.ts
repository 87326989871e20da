/** Cycles of up to this many steps that repeat are folded (a linked list: 1; a closure chain: 3). */
export const MAX_PERIOD = 4;
/** Repeats of one step fold from this many on; longer cycles from MIN_CYCLE_REPEATS. */
const MIN_RUN = 4;
const MIN_CYCLE_REPEATS = 3;

/** A block of `period` steps that repeats `repeats` times in a row. */
export interface Repeat {
  period: number;
  repeats: number;
}

/**
 * The repeat starting at step `i` worth folding, if any: of the blocks of up to MAX_PERIOD steps
 * whose shapes (a step without its object id, `.next → Item`) repeat back to back, the one
 * covering most steps. Paths as text (`formatPath`) and drawings (graphviz-export) fold the same
 * repeats.
 */
export function repeatAt(shapes: readonly string[], i: number): Repeat | null {
  let best: Repeat | null = null;
  for (let p = 1; p <= MAX_PERIOD && i + 2 * p <= shapes.length; p++) {
    let repeats = 1;
    while (i + (repeats + 1) * p <= shapes.length && sameBlock(shapes, i, i + repeats * p, p)) repeats++;
    if (repeats >= (p === 1 ? MIN_RUN : MIN_CYCLE_REPEATS) && p * repeats > (best ? best.period * best.repeats : 0)) {
      best = { period: p, repeats };
    }
  }
  return best;
}

function sameBlock(shapes: readonly string[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (shapes[a + k] !== shapes[b + k]) return false;
  return true;
}
