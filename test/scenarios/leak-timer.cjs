'use strict';
// A timer leak: every session starts a polling interval that is never cleared. Node's timer lists
// keep each Timeout, its callback, and through the callback's context the session state (request,
// buffered responses) alive for the life of the process.
// Snapshots are written from the event loop: a baseline once the service has been up (and leaking)
// for a while, then after each of two more leaking phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-timer.cjs <baseline> <target> <final>
const { runLeakPhases } = require('./lib/leak-phases.cjs');

class PollingSession {
  constructor(id) {
    this.id = id;
    this.request = { method: 'GET', url: `/jobs/${id}/status`, headers: { 'x-session': `s-${id}` } };
    this.responses = Array.from({ length: 24 }, (_, i) => ({ status: 202, seq: i, note: `job ${id} still running (${i})` }));
  }
}

function startPolling(id) {
  const session = new PollingSession(id);
  // Never cleared: a real poller would clearInterval once the job is done.
  setInterval(() => {
    session.responses.push({ status: 202, seq: session.responses.length });
  }, 3_600_000);
}

let nextId = 0;
runLeakPhases('leak-timer.cjs', (units) => {
  for (let i = 0; i < units; i++) startPolling(nextId++);
});
