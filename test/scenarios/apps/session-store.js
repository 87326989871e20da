'use strict';
// A Map inside a class instance that the module exports: sessions are added, never removed.
class Session {
  constructor(id) {
    this.id = id;
    this.user = { name: `user-${id}`, bio: 'x'.repeat(40) };
  }
}

class SessionStore {
  constructor() {
    this.sessions = new Map();
  }

  open(id) {
    this.sessions.set(`s${id}`, new Session(id));
  }
}

module.exports = { store: new SessionStore() };
