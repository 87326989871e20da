import WebSocket from 'ws';
import { RecordError } from './record-error.js';

type Handler = (params: any) => void;

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Just enough of a Chrome DevTools Protocol client for the heap profiler of a Node.js inspector:
 * numbered requests, their responses, and events. Messages are handled in arrival order, so a
 * snapshot's chunk events are all seen before the response that ends `takeHeapSnapshot`.
 */
export class InspectorClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Handler>();
  private closeReason: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.dispatch(String(data)));
    socket.on('close', () => this.failAll('the inspector connection closed'));
    socket.on('error', (error) => this.failAll(`inspector connection failed (${error.message})`));
  }

  static connect(url: string): Promise<InspectorClient> {
    return new Promise((resolve, reject) => {
      // Inspector messages carry whole snapshot chunks; no size cap beyond ws's default 100 MB.
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.once('open', () => resolve(new InspectorClient(socket)));
      socket.once('error', (error) => reject(new RecordError(`cannot connect to the inspector at ${url} (${error.message})`)));
    });
  }

  on(event: string, handler: Handler): void {
    this.handlers.set(event, handler);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closeReason !== null) return Promise.reject(new RecordError(this.closeReason));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.failAll('the inspector connection closed');
    this.socket.terminate();
  }

  private dispatch(text: string): void {
    let message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message?: string } };
    try {
      message = JSON.parse(text);
    } catch {
      return; // not protocol traffic
    }
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new RecordError(`${pending.method} failed: ${message.error.message ?? 'unknown error'}`));
      else pending.resolve(message.result);
    } else if (message.method) {
      this.handlers.get(message.method)?.(message.params);
    }
  }

  private failAll(reason: string): void {
    this.closeReason ??= reason;
    for (const p of this.pending.values()) p.reject(new RecordError(reason));
    this.pending.clear();
  }
}
