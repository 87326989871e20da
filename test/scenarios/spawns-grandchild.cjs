// A program that starts a child sharing its output (a worker, a shell helper) and keeps running.
// `heapdiff record` must stop both. Prints both pids.
'use strict';
const { spawn } = require('node:child_process');

const child = spawn('sleep', ['120'], { stdio: 'inherit' });
process.stdout.write(`program pid ${process.pid}, grandchild pid ${child.pid}\n`);
const held = [];
setInterval(() => held.push({ at: Date.now() }), 50);
