'use strict';
// A snapshot taken through the inspector protocol, as `heapdiff record` and DevTools take them:
// V8 then names the global object after its context, which Node leaves empty (`global / `).
// Usage: node inspector-global.cjs <out.heapsnapshot>
const fs = require('node:fs');
const inspector = require('node:inspector');

const out = process.argv[2];
if (!out) throw new Error('usage: inspector-global.cjs <out.heapsnapshot>');

class UserSession {
  constructor(id) {
    this.id = id;
  }
}
globalThis.sessions = Array.from({ length: 3 }, (_, i) => new UserSession(i));

const session = new inspector.Session();
session.connect();
const fd = fs.openSync(out, 'w');
session.on('HeapProfiler.addHeapSnapshotChunk', (m) => fs.writeSync(fd, m.params.chunk));
session.post('HeapProfiler.takeHeapSnapshot', null, (error) => {
  fs.closeSync(fd);
  session.disconnect();
  if (error) throw new Error(error.message);
});
