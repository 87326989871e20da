const LEVELS = '▁▂▃▄▅▆▇█';

/** `▁▃▅█`: one block per value, scaled between the series' minimum and maximum. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const top = LEVELS.length - 1;
  if (max === min) return LEVELS[Math.floor(top / 2)]!.repeat(values.length);
  return values.map((v) => LEVELS[Math.round(((v - min) / (max - min)) * top)]!).join('');
}
