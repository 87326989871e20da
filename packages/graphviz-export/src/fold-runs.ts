import { formatCount, repeatAt } from '@heapdiff/core';

/** A step of a straight run kept as it is, by position in the run. */
export interface KeptStep {
  step: number;
}

/** Steps `[from, to)` of a run drawn as one box saying what they were. */
export interface FoldedSteps {
  from: number;
  to: number;
  text: string;
}

export type RunItem = KeptStep | FoldedSteps;

/** A run longer than this many items after folding cycles keeps its head and tail around one box. */
export const MAX_RUN_ITEMS = 13;
const HEAD_ITEMS = 4;

export function isFolded(item: RunItem): item is FoldedSteps {
  return 'text' in item;
}

/**
 * How to draw a straight run of steps (each holding the next): a short cycle repeated many times
 * (a closure chain's `.someMethod → {context} → ->originalThing` 2,000 times) keeps its first and
 * last turn around one box `… ×1,998 (.someMethod → {context} → ->originalThing)`, with the same
 * cycle detection as paths printed as text (core's `repeatAt`); a run still longer than
 * MAX_RUN_ITEMS keeps its head and its tail around `⋮ 120 more steps`. `shapes[i]` is step i
 * without its object id (`.next → Item`), `edges[i]` the edge into it (`.next`).
 */
export function foldRun(shapes: readonly string[], edges: readonly string[]): RunItem[] {
  const items: RunItem[] = [];
  for (let i = 0; i < shapes.length;) {
    const repeat = repeatAt(shapes, i);
    if (repeat === null) {
      items.push({ step: i++ });
      continue;
    }
    const { period, repeats } = repeat;
    const last = i + (repeats - 1) * period;
    for (let k = 0; k < period; k++) items.push({ step: i + k });
    const cycle = period === 1 ? shapes[i]! : edges.slice(i, i + period).join(' → ');
    items.push({ from: i + period, to: last, text: `… ×${formatCount(repeats - 2)} (${cycle})` });
    for (let k = 0; k < period; k++) items.push({ step: last + k });
    i += repeats * period;
  }
  if (items.length <= MAX_RUN_ITEMS) return items;
  const tail = MAX_RUN_ITEMS - HEAD_ITEMS - 1;
  const from = firstStep(items[HEAD_ITEMS]!);
  const to = lastStep(items[items.length - tail - 1]!) + 1;
  return [
    ...items.slice(0, HEAD_ITEMS),
    { from, to, text: `⋮ ${formatCount(to - from)} more steps` },
    ...items.slice(items.length - tail),
  ];
}

function firstStep(item: RunItem): number {
  return isFolded(item) ? item.from : item.step;
}

function lastStep(item: RunItem): number {
  return isFolded(item) ? item.to - 1 : item.step;
}
