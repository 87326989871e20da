import prettyBytes from 'pretty-bytes';
import { InvalidOptionError } from '../errors/errors.js';

/** `1.2 MB`, `980 B`: decimal units, like DevTools and `ls -h --si`. */
export function formatSize(bytes: number): string {
  return prettyBytes(bytes, { maximumFractionDigits: 1 });
}

/** `+1.2 MB` / `-3 kB` / `0 B` for deltas. */
export function formatSignedSize(bytes: number): string {
  if (bytes === 0) return '0 B';
  return (bytes > 0 ? '+' : '-') + formatSize(Math.abs(bytes));
}

// Created on first use: the first NumberFormat of a process loads ICU data (~10 ms of start-up
// that JSON output never needs).
let countFormat: Intl.NumberFormat | undefined;

/** `1,234,567` */
export function formatCount(n: number): string {
  return (countFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

export function formatSignedCount(n: number): string {
  if (n === 0) return '0';
  return (n > 0 ? '+' : '') + formatCount(n);
}

/** `1 object`, `2,000 objects`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

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
