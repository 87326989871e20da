'use strict';
// A heap with one of each kind of thing the parser and the class summary must get right.
// Runs unchanged on Node 18-24 (CommonJS, no syntax newer than ES2022).
// Usage: node basic.cjs <out.heapsnapshot>
const v8 = require('node:v8');

const out = process.argv[2];
if (!out) throw new Error('usage: basic.cjs <out.heapsnapshot>');

// Class instances: DevTools keys objects that have a constructor location as
// "scriptId,line,col,Name", so Foo must be a real class defined in this script.
class Foo {
  constructor(i) {
    this.index = i;
    this.label = `foo-${i}`;
    this.payload = [i, i + 1];
  }
}
class Bar extends Foo {
  constructor(i) {
    super(i);
    this.extra = { depth: i };
  }
}

// Plain objects with one shared shape: 300 of them clears DevTools' interface
// inference threshold (max(2, plainObjects / 1000)), so they are named `{a, b, c}`.
// Every value is a heap object: V8 writes no edge for a Smi field, and a shape
// {a: 1, b, c} would show up as `{b, c}`.
const shaped = [];
for (let i = 0; i < 300; i++) shaped.push({ a: `a${i}`, b: `b${i}`, c: [i] });

// Closures holding a context: `captured` lives in the closure's Context object.
function makeCounter(start) {
  let captured = { start, history: [] };
  return function counter() {
    captured.history.push(captured.start++);
    return captured.start;
  };
}

// Strings the JSON writer has to escape, plus unicode, emoji and a lone surrogate.
const strings = [
  'plain ascii string',
  'quote " and backslash \\ and newline \n and tab \t and cr \r',
  'unicode: héllo wörld ñ 日本語 Ελληνικά',
  'emoji: 😀🚀👩‍👩‍👧 (astral plane)',
  'lone surrogates: \ud800 and \udfff end',
  'control chars: \u0001\u001f\u007f',
  'x'.repeat(2000), // longer than the 1024-char name cut-off
];
// Sliced and concatenated strings (V8 makes SlicedString / ConsString for these).
const big = 'sliceable-'.repeat(100) + Math.random().toString(36);
const sliced = big.slice(15, 700);
let cons = 'left-part-of-a-cons-string-';
for (let i = 0; i < 20; i++) cons = cons + String(i) + '-' + Math.random().toString(36).slice(2);

const keyA = {};
const weakMap = new WeakMap([[keyA, { weaklyHeld: true }]]);
const weakRef = new WeakRef(new Foo(-1));
const buffer = new ArrayBuffer(4096);
const typed = new Float64Array(buffer, 0, 16);
const bytes = Buffer.from('buffer contents');

const sym = Symbol('my-symbol');
const big1 = 12345678901234567890123456789n;

const retained = {
  foos: Array.from({ length: 50 }, (_, i) => new Foo(i)),
  bars: Array.from({ length: 20 }, (_, i) => new Bar(i)),
  shaped,
  arrays: [[1, 2, 3], new Array(100).fill(0), ['x', { y: 1 }], [1.5, 2.5]],
  map: new Map(Array.from({ length: 30 }, (_, i) => [`k${i}`, { v: i }])),
  set: new Set(Array.from({ length: 30 }, (_, i) => i * 7)),
  counters: [makeCounter(1), makeCounter(100)],
  strings,
  sliced,
  cons,
  keyA,
  weakMap,
  weakRef,
  buffer,
  typed,
  bytes,
  sym,
  symbolKeyed: { [sym]: 'value under a symbol key' },
  big1,
  bigs: [big1 * 2n, -big1],
  regexp: /heap[dD]iff\s+(\d+)/g,
  date: new Date(0),
};
globalThis.__heapdiffBasic = retained;

if (typeof global.gc === 'function') global.gc();
v8.writeHeapSnapshot(out);
