import { parseByteSize } from '@heapdiff/core';

/** `1000000`, `500kB`, `1MB`, `1.5 GB` → bytes; anything else is a usage error naming `option`. */
export function parseSize(value: unknown, option: string): number {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return parseByteSize(typeof last === 'number' ? last : String(last ?? ''), option);
}
