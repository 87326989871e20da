'use strict';
// Objects that no JavaScript object holds, for `heapdiff orphans`:
// - NativeHeld: captured only by the connection listener of a listening server that no
//   variable refers to. The native TCP handle keeps the server (and so the listener) alive.
// - WeakTarget: only a WeakRef points at it; V8 keeps a WeakRef's target alive until the end of
//   the job that created it (its "keep during job" list), so a snapshot taken in that job still
//   holds it, from (Strong roots).
// - Reachable: held by a global, the control that must not be reported.
// Usage: node --expose-gc orphans.cjs <out.heapsnapshot>
const v8 = require('node:v8');
const net = require('node:net');

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: orphans.cjs <out.heapsnapshot>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

class NativeHeld {
  constructor() {
    this.greeting = 'served by native code';
    this.payload = new Array(64).fill(7);
  }
}
class WeakTarget {
  constructor() {
    this.payload = new Array(32).fill(1);
  }
}
class Reachable {
  constructor() {
    this.payload = new Array(8).fill(2);
  }
}

globalThis.reachable = new Reachable();

function listen(onListening) {
  const state = new NativeHeld();
  net.createServer((socket) => socket.end(state.greeting)).listen(0, '127.0.0.1', onListening);
}

function snapshot() {
  globalThis.weakRef = new WeakRef(new WeakTarget());
  global.gc();
  global.gc();
  v8.writeHeapSnapshot(out);
  if (globalThis.weakRef.deref() === undefined) throw new Error('WeakTarget was collected before the snapshot');
  process.exit(0);
}

// A fresh job, so the stack holds nothing of listen()'s.
listen(() => setTimeout(snapshot, 10));
