import { safeText, type SnapshotWarning } from '@heapdiff/core';

const printed = new Set<string>();

/** `heapdiff: warning: <what>`, for what is wrong with the snapshots together (see snapshotPairWarning). */
export function printPairWarning(message: string): void {
  printLine(`heapdiff: warning: ${safeText(message, 2000)}`);
}

/**
 * `heapdiff: <file>: warning: <what>` on stderr (never stdout: --json output stays one
 * document), once per file and message however often the file is read.
 */
export function printWarning(warning: Pick<SnapshotWarning, 'file' | 'message'>): void {
  printLine(`heapdiff: ${safeText(warning.file, 1000)}: warning: ${safeText(warning.message, 1000)}`);
}

function printLine(line: string): void {
  if (printed.has(line)) return;
  printed.add(line);
  // On a terminal a progress bar may be on the current line: clear it first; it redraws below.
  process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[2K' : ''}${line}\n`);
}
