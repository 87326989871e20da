import prettyBytes from 'pretty-bytes';

// Created on first use: the first NumberFormat of a process loads ICU data (~10 ms of start-up
// that JSON output never needs).
let countFormat: Intl.NumberFormat | undefined;

/** `1,234,567` */
export function formatCount(n: number): string {
  return (countFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

/** `1.2 MB` (decimal units, like DevTools and `ls -h --si`). */
export function formatSize(bytes: number): string {
  return prettyBytes(bytes, { maximumFractionDigits: 1 });
}

/** `+1.2 MB` / `-3 kB` / `0 B` for deltas. */
export function formatSignedSize(bytes: number): string {
  if (bytes === 0) return '0 B';
  return (bytes > 0 ? '+' : '-') + formatSize(Math.abs(bytes));
}

export function formatSignedCount(n: number): string {
  if (n === 0) return '0';
  return (n > 0 ? '+' : '') + formatCount(n);
}

// C0/C1 controls, DEL, and the bidi overrides that can make terminal text lie about itself.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Heap strings are untrusted: escapes control characters so they cannot drive the terminal. */
export function safeText(text: string, maxLength = 120): string {
  const cleaned = text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}
