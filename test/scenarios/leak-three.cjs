'use strict';
// Three snapshots of a process that leaks: baseline, after a first leaking phase,
// after a second one. Each phase also makes short-lived garbage, which must be
// gone from the snapshots (hence --expose-gc and gc() before each write).
// Usage: node --expose-gc leak-three.cjs <baseline> <target> <final>
const { EventEmitter } = require('node:events');
const { churn, snapshot } = require('./lib/leak-phases.cjs');

const [baselinePath, targetPath, finalPath] = process.argv.slice(2);
if (!finalPath) throw new Error('usage: leak-three.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

// The leak: a module-level array that only ever grows.
const leakedRequests = [];
class LeakyRequest {
  constructor(id) {
    this.id = id;
    this.url = `/api/items/${id}?q=${'p'.repeat(id % 7)}`;
    this.headers = { accept: 'application/json', 'x-request-id': String(id) };
    this.body = new Array(16).fill(id);
  }
}

// A second leak: listeners added to a long-lived emitter and never removed;
// each closure keeps its own context (and the buffer in it) alive.
const bus = new EventEmitter();
bus.setMaxListeners(0);
class ListenerState {
  constructor(n) {
    this.n = n;
    this.buffer = Buffer.alloc(256, n % 256);
  }
}
function subscribe(n) {
  const state = new ListenerState(n);
  bus.on('tick', function onTick() {
    return state.n;
  });
}

let nextId = 0;
function leakPhase(requests, listeners) {
  churn(5000);
  for (let i = 0; i < requests; i++) leakedRequests.push(new LeakyRequest(nextId++));
  for (let i = 0; i < listeners; i++) subscribe(nextId++);
}

globalThis.__heapdiffLeak = { leakedRequests, bus };
snapshot(baselinePath);
leakPhase(200, 20);
snapshot(targetPath);
leakPhase(300, 30);
snapshot(finalPath);
