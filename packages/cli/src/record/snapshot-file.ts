import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A snapshot being received: chunks go straight to a hidden temporary file next to the final one
 * (never the whole snapshot in memory) and `commit` renames it into place, so the final name only
 * ever holds a complete snapshot. Writes are synchronous so each chunk is on disk before the next
 * protocol message is handled: memory stays bounded by one chunk whatever the disk's speed.
 */
export class SnapshotFile {
  readonly temp: string;
  bytes = 0;
  private fd: number | null;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.temp, 'wx');
  }

  write(chunk: string): void {
    if (this.fd === null) return; // aborted while chunks were still arriving
    const buf = Buffer.from(chunk, 'utf8');
    for (let off = 0; off < buf.length; ) off += writeSync(this.fd, buf, off);
    this.bytes += buf.length;
  }

  commit(): void {
    this.close();
    renameSync(this.temp, this.path);
  }

  /** Drops the temporary file; safe to call at any point, more than once. */
  abort(): void {
    this.close();
    rmSync(this.temp, { force: true });
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
