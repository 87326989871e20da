// A program with a large heap (argv[2] objects, default 600,000), so that a snapshot of it takes
// a while: long enough to interrupt heapdiff while it is written.
'use strict';
const count = Number(process.argv[2] ?? 600_000);
const held = Array.from({ length: count }, (_, i) => ({ i, name: `item ${i}` }));
process.stdout.write(`holding ${held.length} objects (pid ${process.pid})\n`);
setInterval(() => held.push({ i: held.length, name: 'more' }), 100);
