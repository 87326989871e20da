// A small "service" that leaks in two realistic ways, then snapshots itself.
// Run by `heapdiff demo`; argv[2] is the directory to write the snapshots into.
'use strict';
const v8 = require('node:v8');
const path = require('node:path');
const { EventEmitter } = require('node:events');

const outDir = process.argv[2];
const bus = new EventEmitter();
bus.setMaxListeners(0);

// Leak 1: a request cache that is written on every request and never evicted.
class CachedResponse {
  constructor(id) {
    this.id = id;
    this.body = 'response body '.repeat(20) + id;
    this.headers = { 'content-type': 'application/json', 'x-request-id': String(id) };
  }
}
const responseCache = new Map();

// Leak 2: each "session" subscribes to the bus and never unsubscribes.
class Session {
  constructor(id) {
    this.id = id;
    this.history = new Array(32).fill(id);
    this.onConfigChange = () => this.history.push(Date.now());
    bus.on('config', this.onConfigChange);
  }
}

function handleRequest(id) {
  responseCache.set(`/api/items/${id}`, new CachedResponse(id));
  if (id % 10 === 0) new Session(id);
  // Short-lived garbage that must not show up as a leak.
  const scratch = [];
  for (let i = 0; i < 20; i++) scratch.push({ i, text: `tmp-${id}-${i}` });
  return scratch.length;
}

function phase(from, to) {
  for (let id = from; id < to; id++) handleRequest(id);
}

function snapshot(name) {
  if (global.gc) global.gc();
  const file = path.join(outDir, name);
  v8.writeHeapSnapshot(file);
  return file;
}

// Phases run from the event loop, as a server's requests would, so that nothing the module
// scope holds is also on the stack when the snapshots are written.
const schedule = [
  () => phase(0, 200),
  () => snapshot('1-baseline.heapsnapshot'),
  () => phase(200, 2200),
  () => snapshot('2-target.heapsnapshot'),
  () => phase(2200, 4200),
  () => snapshot('3-final.heapsnapshot'),
];
function next() {
  const task = schedule.shift();
  if (!task) return;
  task();
  setImmediate(next);
}
setImmediate(next);
