import type { Capture } from './recorder.js';
import { SnapshotFile } from './snapshot-file.js';

/** The part of a DevTools protocol session the heap profiler needs (ours, or playwright's CDPSession). */
export interface ProtocolSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (params: any) => void): unknown;
}

/**
 * Takes heap snapshots over the DevTools protocol: a full GC first (so what is left is what is
 * retained), then `takeHeapSnapshot`, whose `addHeapSnapshotChunk` events go straight to disk.
 */
export class HeapProfiler {
  private current: SnapshotFile | null = null;
  private enabled = false;

  constructor(private readonly session: ProtocolSession) {
    session.on('HeapProfiler.addHeapSnapshotChunk', (params: { chunk: string }) => this.current?.write(params.chunk));
  }

  /** Turns the profiler on; also a first round trip that shows the target answers. */
  async enable(): Promise<void> {
    if (this.enabled) return;
    await this.session.send('HeapProfiler.enable');
    this.enabled = true;
  }

  /** Writes one snapshot to `path` (atomically); resolves with its size in bytes and its times. */
  async capture(path: string): Promise<Capture> {
    await this.enable();
    const started = Date.now();
    const file = new SnapshotFile(path);
    this.current = file;
    try {
      await this.session.send('HeapProfiler.collectGarbage');
      await this.session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      if (file.bytes === 0) throw new Error('the inspector sent an empty heap snapshot');
      file.commit();
      return { bytes: file.bytes, started, ended: Date.now() };
    } finally {
      this.current = null;
      file.abort(); // no-op after commit; otherwise no partial file is left behind
    }
  }

  /** Drops the snapshot being received, if any (Ctrl-C, the program exited). */
  abort(): void {
    this.current?.abort();
    this.current = null;
  }
}
