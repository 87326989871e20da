import { UsageError } from '../errors.js';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** `1000000`, `500kB`, `1MB`, `1.5 GB` → bytes (decimal units, as heapdiff prints them). */
export function parseSize(text: string | number, option: string): number {
  if (typeof text === 'number') return text;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`${option}: expected a size like 1000000, 500kB or 1MB, got "${text}"`);
  return Math.round(Number(m[1]) * unit);
}
