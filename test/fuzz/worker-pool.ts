// Runs fuzz cases in a worker thread with a time bound: a case that does not finish in time is a
// hang, the worker is terminated (which stops even a synchronous loop) and a fresh one started.
import { Worker } from 'node:worker_threads';

export interface CaseRequest {
  /** The (mutated) snapshot file or directory. */
  path: string;
  /** The unmutated snapshot: the other side of diffs, and the leak baseline. */
  base: string;
  /** Picks the probed objects (paths, inspect, subgraphs). */
  seed: number;
  probes: number;
  /** When > 0, also parse with the edges array split between two threads in blocks this big, and compare. */
  splitBlockBytes: number;
}

export type CaseResult = { ms: number } & (
  | { kind: 'ok'; problems: string[]; idsError: string | null; nodeCount: number; digest: string }
  | { kind: 'error'; step: string; name: string; code: string; message: string; offset: number | null; file: string | null }
  | { kind: 'crash'; step: string; name: string; message: string; stack: string }
  | { kind: 'hang'; ms: number }
);

const WORKER_URL = new URL('./analysis-worker.mjs', import.meta.url);

export class FuzzWorker {
  private worker: Worker | null = null;
  private nextId = 0;

  private start(): Worker {
    this.worker ??= new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    return this.worker;
  }

  run(request: CaseRequest, timeoutMs: number): Promise<CaseResult> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const timer = setTimeout(() => {
        cleanup();
        this.worker = null;
        void worker.terminate();
        resolve({ kind: 'hang', ms: performance.now() - started });
      }, timeoutMs);
      const onMessage = (message: { id: number; result: CaseResult }): void => {
        if (message.id !== id) return;
        cleanup();
        resolve(message.result);
      };
      const onError = (error: Error): void => {
        cleanup();
        this.worker = null;
        // The worker itself died (out of memory, a native crash): report it as a crash of this case.
        resolve({ kind: 'crash', step: 'worker', name: error.name, message: error.message, stack: error.stack ?? '', ms: performance.now() - started });
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      try {
        worker.postMessage({ id, request });
      } catch (error) {
        cleanup();
        reject(error as Error);
      }
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
