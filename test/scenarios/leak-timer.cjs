'use strict';
// A timer leak: every session starts a polling interval that is never cleared. Node's timer lists
// keep each Timeout, its callback, and through the callback's context the session state (request,
// buffered responses) alive for the life of the process.
// Snapshots are written from the event loop: a baseline once the service has been up (and leaking)
// for a while, then after each of two more leaking phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-timer.cjs <baseline> <target> <final>
const v8 = require('node:v8');

const [baselinePath, targetPath, finalPath] = process.argv.slice(2);
if (!finalPath) throw new Error('usage: leak-timer.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

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

class Ephemeral {
  constructor(i) {
    this.i = i;
    this.blob = `ephemeral-${i}-${Math.random()}`;
  }
}
function churn(n) {
  let keep = 0;
  for (let i = 0; i < n; i++) keep += new Ephemeral(i).blob.length;
  return keep;
}

let nextId = 0;
function leakPhase(sessions) {
  churn(5000);
  for (let i = 0; i < sessions; i++) startPolling(nextId++);
}

function snapshot(path) {
  global.gc();
  global.gc();
  v8.writeHeapSnapshot(path);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  // The service has been running (and leaking) for a while before anyone takes the baseline.
  leakPhase(50);
  await tick();
  snapshot(baselinePath);
  leakPhase(200);
  await tick();
  snapshot(targetPath);
  leakPhase(300);
  await tick();
  snapshot(finalPath);
  process.exit(0); // the leaked intervals would keep the process alive for an hour
}
main();
