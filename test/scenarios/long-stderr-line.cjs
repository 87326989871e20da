// Writes one long stderr line that starts like a Node.js inspector message and has no newline,
// in many small writes, then keeps running. argv[2]: total bytes (default 32 MiB).
'use strict';
const total = Number(process.argv[2] ?? 32 * 1024 * 1024);
const CHUNK = 'x'.repeat(4096);
let written = 0;
process.stderr.write('Debugger ');
function more() {
  while (written < total) {
    written += CHUNK.length;
    if (!process.stderr.write(CHUNK)) return void process.stderr.once('drain', more);
  }
  process.stdout.write(`wrote ${written} bytes to stderr (pid ${process.pid})\n`);
}
more();
setInterval(() => {}, 1000);
