'use strict';
// A leak whose heap is full of markup: class names (via Symbol.toStringTag), property names and
// string values that would run script if a report pasted them into HTML unescaped. Each payload
// sets window.__heapdiffPwned and opens a dialog, so a browser test can tell if any ran.
// Usage: node --expose-gc hostile-leak.cjs <baseline> <target> <final>
const v8 = require('node:v8');

const [baselinePath, targetPath, finalPath] = process.argv.slice(2);
if (!finalPath) throw new Error('usage: hostile-leak.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

const IMG = '<img src=x onerror="window.__heapdiffPwned=1;alert(1)">';
const SCRIPT = '<script>window.__heapdiffPwned=2;alert(2)</script>';
const BREAKOUT = '</script><script>window.__heapdiffPwned=3;alert(3)</script><!--';
const ATTRIBUTE = '"\'><svg onload="window.__heapdiffPwned=4;alert(4)">';
const CONTROL = 'line\u2028sep\u2029\u202eevil\u0007';

// Held under hostile property names, so the retainer paths carry markup too.
const held = [];
globalThis[ATTRIBUTE] = { [IMG]: held };

function leakPhase(n, base) {
  for (let i = 0; i < n; i++) {
    const id = base + i;
    // Class named by its toStringTag, as DevTools names it.
    held.push({ [Symbol.toStringTag]: IMG, note: `${SCRIPT} #${id}` });
    held.push({ [Symbol.toStringTag]: SCRIPT, text: `${BREAKOUT} ${CONTROL} ${id}` });
    // Plain objects are classed by their property names: `{<markup>, <markup>}`.
    held.push({ [BREAKOUT]: id, [ATTRIBUTE]: `${IMG}${id}` });
  }
  // Garbage with the same markup, which must not survive.
  let junk = 0;
  for (let i = 0; i < 2000; i++) junk += { [Symbol.toStringTag]: IMG, s: `${SCRIPT}${i}` }.s.length;
  return junk;
}

function snapshot(path) {
  global.gc();
  global.gc();
  v8.writeHeapSnapshot(path);
}

snapshot(baselinePath);
leakPhase(300, 0);
snapshot(targetPath);
leakPhase(300, 300);
snapshot(finalPath);
