import { InvalidOptionError } from '../errors.js';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** `1000000`, `500kB`, `1MB`, `1.5 GB` → bytes: decimal units, as heapdiff prints sizes. */
export function parseByteSize(value: string | number, option: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new InvalidOptionError(`${option}: expected a size in bytes, got ${value}`);
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new InvalidOptionError(`${option}: expected a size like 1000000, 500kB or 1MB, got "${value}"`);
  return Math.round(Number(m[1]) * unit);
}

/** `980 B`, `1.2 kB`, `3 MB`: decimal units, at most one decimal. */
export function formatByteSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = unit === 0 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  return `${rounded} ${units[unit]}`;
}
