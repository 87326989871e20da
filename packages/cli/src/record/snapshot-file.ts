import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../output/atomic-write.js';
import { RecordError } from './record-error.js';

/**
 * A snapshot being received: chunks go straight to a hidden temporary file next to the final one
 * (never the whole snapshot in memory) and `commit` renames it into place, so the final name only
 * ever holds a complete snapshot. The file is created new (never an existing one, never through a
 * symlink) and private (0600). Writes are synchronous so each chunk is on disk before the next
 * protocol message is handled: memory stays bounded by one chunk whatever the disk's speed.
 */
export class SnapshotFile {
  readonly temp: string;
  bytes = 0;
  private fd: number | null;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.temp, 'wx', PRIVATE_FILE_MODE);
  }

  write(chunk: string): void {
    if (this.fd === null) return; // aborted while chunks were still arriving
    const buf = Buffer.from(chunk, 'utf8');
    for (let off = 0; off < buf.length; ) off += writeSync(this.fd, buf, off);
    this.bytes += buf.length;
  }

  /** Closes heapdiff's descriptor when another process writes the file (the recorded program). */
  release(): void {
    this.close();
  }

  /** Renames the file into place; `bytes`, when another process wrote it, is what it reported. */
  commit(bytes?: number): void {
    this.close();
    if (bytes !== undefined) {
      const size = statSync(this.temp).size;
      if (size !== bytes) throw new RecordError(`the snapshot file holds ${size} bytes of the ${bytes} the program wrote`);
      this.bytes = bytes;
    }
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
