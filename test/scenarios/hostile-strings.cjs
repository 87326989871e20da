'use strict';
// A heap whose strings attack whatever prints them: terminal escapes (ANSI colours, screen clear,
// carriage return, NUL, bidi overrides), HTML (`<img onerror>`) and DOT (`"]; evil -> x [`) as
// property names, as class names (objects named by Symbol.toStringTag) and as string values; plus a secret token, built at run time so that it exists only as string
// values (plain, concatenated, sliced), never in this source or as a name. Two snapshots: the
// hostile objects are allocated between them, so they are also "leaks".
// Usage: node --expose-gc hostile-strings.cjs <before> <after>
const v8 = require('node:v8');

const [beforePath, afterPath] = process.argv.slice(2);
if (!afterPath) throw new Error('usage: hostile-strings.cjs <before> <after>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

const ESC = String.fromCharCode(27);
const PAYLOADS = [
  `${ESC}[31mred${ESC}[0m${ESC}[2J`, // colour, then clear the screen
  'over\rwrite',
  'nul\u0000byte',
  'bidi\u202egnp.exe\u2066x\u2069',
  '<img src=x onerror=alert(1)>',
  '"]; evil -> x [',
  'c1\u009b31mcsi\u0085nel', // C1 controls: CSI and NEXT LINE
  'line\u2028sep\u2029para\u200fmark\u061c', // separators JSON.stringify leaves raw, bidi marks
  '=HYPERLINK("http://evil.example/","open")', // a spreadsheet formula in a CSV cell
  '@SUM(1+1)',
];
// The secret: the same recipe in test/output-safety.test.ts; no literal copy anywhere.
const SECRET = ['sk', 'live', (20240611).toString(36), (987654321).toString(16)].join('_');

function hostilePhase() {
  const held = [];
  PAYLOADS.forEach((payload, i) => {
    // V8 names a plain object after its own Symbol.toStringTag: a class name chosen by a string.
    held.push({ [Symbol.toStringTag]: payload, index: i });
    // A hostile property name, holding a hostile string value.
    held.push({ [payload]: `value ${payload} #${i}` });
  });
  const secrets = {
    plain: SECRET,
    // V8 makes a ConsString for a concatenation of 13+ characters, a SlicedString for a long slice.
    concatenated: `Bearer ${SECRET}`,
    sliced: `${'x'.repeat(40)}${SECRET}${'y'.repeat(40)}`.slice(40, 40 + SECRET.length + 20),
  };
  held.push(secrets);
  return held;
}

globalThis.__heapdiffHostile = [];
global.gc();
v8.writeHeapSnapshot(beforePath);
globalThis.__heapdiffHostile = hostilePhase();
global.gc();
v8.writeHeapSnapshot(afterPath);
