import type { Socket } from 'node:net';
import { LineSplitter } from './line-splitter.js';
import { RecordError } from './record-error.js';
import type { Capture, MemorySample } from './recorder.js';

/** What the agent says (record-agent/agent.cjs documents the protocol). */
type AgentMessage =
  | { type: 'ready'; pid: number; node: string }
  | ({ type: 'sample' } & MemorySample)
  | { type: 'snapshot'; id: number; bytes: number; started: number; ended: number; error?: undefined }
  | { type: 'snapshot'; id: number; error: string }
  | { type: 'signal' };

interface Pending {
  resolve: (capture: Capture) => void;
  reject: (error: Error) => void;
}

/** A message line longer than this is not the agent's (its longest is an error message). */
const MAX_MESSAGE = 64 * 1024;

/**
 * heapdiff's end of the pipe to the agent in the recorded program: requests out, replies, memory
 * samples and signals in, one JSON object per line.
 */
export class AgentChannel {
  readonly ready: Promise<{ pid: number; node: string }>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed: string | null = null;
  private sampleListeners: Array<(sample: MemorySample) => void> = [];
  private signalListeners: Array<() => void> = [];
  private markReady: (info: { pid: number; node: string }) => void = () => {};

  constructor(private readonly socket: Socket) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const lines = new LineSplitter((line) => this.dispatch(line), MAX_MESSAGE);
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => lines.write(text));
    socket.on('error', () => this.close('the connection to the program closed'));
    socket.on('close', () => this.close('the connection to the program closed'));
  }

  onSample(listener: (sample: MemorySample) => void): void {
    this.sampleListeners.push(listener);
  }

  onSignal(listener: () => void): void {
    this.signalListeners.push(listener);
  }

  /** Asks the agent to write a snapshot into `path`, a file heapdiff created. */
  snapshot(path: string): Promise<Capture> {
    if (this.closed !== null) return Promise.reject(new RecordError(this.closed));
    const id = this.nextId++;
    return new Promise<Capture>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.write(`${JSON.stringify({ op: 'snapshot', id, path })}\n`);
    });
  }

  /** Fails what is pending and lets go of the pipe; safe to call more than once. */
  close(reason = 'the recording stopped'): void {
    this.closed ??= reason;
    for (const p of this.pending.values()) p.reject(new RecordError(this.closed));
    this.pending.clear();
    this.socket.destroy();
  }

  private dispatch(line: string): void {
    let message: AgentMessage;
    try {
      message = JSON.parse(line) as AgentMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'ready':
        this.markReady({ pid: message.pid, node: message.node });
        break;
      case 'sample': {
        const { type: _, ...sample } = message;
        for (const listener of this.sampleListeners) listener(sample);
        break;
      }
      case 'snapshot': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (message.error !== undefined) pending.reject(new RecordError(`the program could not write its heap snapshot (${message.error})`));
        else pending.resolve({ bytes: message.bytes, started: message.started, ended: message.ended });
        break;
      }
      case 'signal':
        for (const listener of this.signalListeners) listener();
        break;
    }
  }
}
