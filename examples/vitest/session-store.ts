// The code under test: an in-memory session store that publishes changes on an event bus.
import { EventEmitter } from 'node:events';

export class Session {
  readonly createdAt = Date.now();
  constructor(readonly user: string, readonly data: Record<string, unknown> = {}) {}
}

export class SessionStore {
  readonly changes = new EventEmitter();
  private readonly sessions = new Map<string, Session>();

  open(id: string, user: string): Session {
    const session = new Session(user);
    this.sessions.set(id, session);
    this.changes.emit('open', id);
    return session;
  }

  close(id: string): void {
    this.sessions.delete(id);
    this.changes.emit('close', id);
  }

  /** The bug: a watcher that is never removed keeps its session (and closure) alive. */
  watch(id: string, onChange: (id: string) => void): void {
    const session = this.sessions.get(id);
    this.changes.on('close', (closed) => {
      if (closed === id) onChange(`${session?.user} logged out`);
    });
  }
}
