// What a recorded program can see of heapdiff's agent: its flags, its environment, the handles
// keeping it alive, and what a child it forks inherits. Prints one JSON line per process.
'use strict';
const { fork } = require('node:child_process');

const view = (who) => ({
  who,
  execArgv: process.execArgv,
  env: Object.keys(process.env).filter((k) => k.startsWith('HEAPDIFF')),
  preloaded: Object.keys(require.cache).filter((f) => f.includes('record-agent')),
});
if (process.argv[2] === 'child') {
  process.stdout.write(`${JSON.stringify(view('child'))}\n`);
} else {
  process.stdout.write(`${JSON.stringify(view('program'))}\n`);
  // Runs a second, then the forked child ends and, with nothing else to do, so does the program.
  setTimeout(() => fork(__filename, ['child']), 1000);
}
