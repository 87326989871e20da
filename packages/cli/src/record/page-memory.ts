import type { MemorySample } from './recorder.js';
import type { ProtocolSession } from './heap-profiler.js';

/**
 * Samples a page's JavaScript heap every `everyMs` over its DevTools protocol session
 * (`Runtime.getHeapUsage`: used and total size). A page's process has no RSS, external or
 * array-buffer figures there. One request at a time, none while `busy()` (a snapshot is being
 * taken, which holds the page still anyway).
 */
export class PageMemory {
  private readonly listeners: Array<(sample: MemorySample) => void> = [];
  private readonly timer: NodeJS.Timeout;
  private inFlight = false;

  constructor(private readonly session: ProtocolSession, everyMs: number, private readonly busy: () => boolean) {
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
    void this.sample();
  }

  onSample(listener: (sample: MemorySample) => void): void {
    this.listeners.push(listener);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async sample(): Promise<void> {
    if (this.inFlight || this.busy()) return;
    this.inFlight = true;
    try {
      const usage = (await this.session.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const sample: MemorySample = { time: Date.now(), heapUsed: usage.usedSize, heapTotal: usage.totalSize };
      for (const listener of this.listeners) listener(sample);
    } catch {
      // The page is going away; record notices through its own checks.
    } finally {
      this.inFlight = false;
    }
  }
}
