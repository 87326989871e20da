/** A value axis from 0: its top, and the step between its ticks. */
export interface Axis {
  top: number;
  step: number;
}

const STEPS = [1, 2, 2.5, 5];

/**
 * An axis from 0 fitted to the data: of the round tick steps (1, 2, 2.5 or 5 × 10^k) that reach
 * `max` in at most `maxTicks` steps, the one whose top is nearest above `max` (the larger step on
 * a tie) — a 30,170 peak gets an axis to 35,000, not to 50,000. `integer`: steps of at least 1.
 */
export function fitAxis(max: number, maxTicks = 8, integer = false): Axis {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, step: 1 };
  const smallest = 10 ** Math.floor(Math.log10(max / maxTicks));
  let best: Axis | null = null;
  for (const magnitude of [smallest, smallest * 10, smallest * 100]) {
    for (const m of STEPS) {
      const step = integer ? Math.max(1, m * magnitude) : m * magnitude;
      // Rounding error must not add a step: 0.3 / 0.1 is 2.9999999999999996.
      const steps = Math.max(1, Math.ceil(max / step - 1e-9));
      if (steps > maxTicks) continue;
      const top = Number((steps * step).toPrecision(12));
      if (!best || top < best.top || (top === best.top && step > best.step)) best = { top, step };
    }
  }
  return best ?? { top: max, step: max };
}

/** The tick values of an axis, 0 first. */
export function axisTicks(axis: Axis): number[] {
  const ticks: number[] = [];
  const n = Math.round(axis.top / axis.step);
  for (let i = 0; i <= n; i++) ticks.push(Number((i * axis.step).toPrecision(12)));
  return ticks;
}

/** A coordinate as SVG text: one decimal is plenty at screen resolution. */
export const coord = (n: number): string => (Math.round(n * 10) / 10).toString();
