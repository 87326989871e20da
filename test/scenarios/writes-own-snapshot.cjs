// A program that writes a heap snapshot of its own, as Node names them (Heap.<date>.<time>.<pid>.…)
// in its working directory, and then runs like a server. `heapdiff record --on-signal` must leave
// that file alone and take only the snapshots it asked for.
'use strict';
const v8 = require('node:v8');

const file = v8.writeHeapSnapshot();
process.stdout.write(`wrote ${file} (pid ${process.pid})\n`);
const held = [];
setInterval(() => held.push({ at: Date.now() }), 50);
