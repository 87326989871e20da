// record's arguments as the user types them: the URL, the output directory, and paths and words
// shown back in a form they could paste into a shell.
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { UsageError } from '../../errors.js';

export function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: "${text}" is not a URL (expected e.g. http://localhost:8080/)`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new UsageError(`--url: expected an http, https or file URL, got ${url.protocol}`);
  return url.href;
}

export function defaultDir(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `heapdiff-record-${date}-${time}`;
}

export function isDirectory(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

