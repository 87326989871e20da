import { escapeJsonText } from '@heapdiff/core';

/**
 * The one way heapdiff writes JSON: indented, one document, and safe to print. JSON.stringify
 * escapes C0 controls but leaves C1 controls, bidi controls (U+202E…) and U+2028/9 raw, and heap
 * strings hold whatever a program put there; they become `\uXXXX` escapes of the same value.
 */
export function formatJson(value: unknown): string {
  return `${escapeJsonText(JSON.stringify(value, null, 2))}\n`;
}
