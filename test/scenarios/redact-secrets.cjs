'use strict';
// Secrets of every kind a heap holds as data, for `--redact`: a string, a concatenation, a slice,
// a RegExp source, a number, a BigInt, a Symbol description, a Map key and value, an error
// message, and a script whose source carries the secret in a comment. Every secret is built at run
// time from the recipe in test/redact-values.test.ts, so that it exists only as data in the heap,
// never in this file or as a name. They are allocated between the two snapshots (so `leaks` and
// the report show them); the second snapshot exposes numeric values where Node can.
// Usage: node --expose-gc redact-secrets.cjs <before> <after>
const v8 = require('node:v8');
const vm = require('node:vm');

const [beforePath, afterPath] = process.argv.slice(2);
if (!afterPath) throw new Error('usage: redact-secrets.cjs <before> <after>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

// The recipe, shared with the test: an ASCII core, then characters every output format escapes.
const CORE = ['pw', (20240611).toString(36), (987654321).toString(16), 'zq'].join('_');
const SECRET = `${CORE}"<&'\\é`;
const NUMBER = Number(`${(7351).toString()}9.8642`);
const BIGINT = BigInt(`${(12345).toString()}678901234567890123`) * 3n;

/** A flat copy (JSON.parse makes flat strings): V8 keeps a template literal's result as a ConsString. */
const flat = (text) => JSON.parse(JSON.stringify(text));

class SecretHolder {
  constructor() {
    this.plain = flat(SECRET);
    // V8 makes a ConsString of a concatenation of 13+ characters, a SlicedString of a long slice.
    this.concatenated = `Bearer ${SECRET}`;
    this.sliced = `${'x'.repeat(40)}${SECRET}${'y'.repeat(40)}`.slice(40, 40 + SECRET.length + 20);
    // The same text as `plain`, built as a concatenation of two flat parts: a node of another type
    // with an equal value.
    this.rebuilt = flat(SECRET.slice(0, 10)) + flat(SECRET.slice(10));
    this.pattern = new RegExp(`${CORE}[0-9]+`);
    this.amount = NUMBER;
    this.big = BIGINT;
    this.symbol = Symbol(`symbol ${CORE}`);
    this.byKey = new Map([[`key ${CORE}`, `value ${CORE}`]]);
    this.error = new Error(`message ${CORE}`);
    this.fromScript = vm.runInThisContext(`(function plantedFunction() { /* script ${CORE} */ return 1; })`);
  }
}

globalThis.__heapdiffSecrets = null;
global.gc();
v8.writeHeapSnapshot(beforePath);
globalThis.__heapdiffSecrets = [new SecretHolder(), new SecretHolder()];
global.gc();
v8.writeHeapSnapshot(afterPath, { exposeNumericValues: true });
