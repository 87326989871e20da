import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, '': 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `10s`, `500ms`, `1.5m`, `2h`; a bare number counts seconds. Returns milliseconds (> 0). */
export function parseDuration(text: string | number, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|)\s*$/i.exec(String(text));
  const unit = m ? UNIT_MS[m[2]!.toLowerCase()] : undefined;
  const ms = m && unit !== undefined ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(ms > 0) || ms > 2 ** 31 - 1) throw new UsageError(`${option}: expected a duration like 10s, 500ms or 2m, got "${text}"`);
  return ms;
}

/** `1500` → `1.5s`, `120000` → `2m`: how the interval is echoed back. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${+(ms / 1000).toFixed(3)}s`;
  return `${ms / 60_000}m`;
}
