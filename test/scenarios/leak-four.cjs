'use strict';
// Four snapshots of a process with three holders, each a variable of this module: a cache that
// gains 500 entries in every interval (a leak), an audit trail that gains 4 in every interval
// (tiny, but a leak by its growth), and a registry that filled up in the first two intervals
// and then stopped (not growing). Short-lived garbage in every phase.
// Usage: node --expose-gc leak-four.cjs <1> <2> <3> <4>
const { churn, snapshot } = require('./lib/leak-phases.cjs');

const paths = process.argv.slice(2);
if (paths.length < 4) throw new Error('usage: leak-four.cjs <1> <2> <3> <4>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

class CacheEntry {
  constructor(key) {
    this.key = key;
    this.payload = `payload ${key} ${'x'.repeat(key % 13)}`;
  }
}
class AuditRecord {
  constructor(n) {
    this.n = n;
    this.at = n * 1000;
  }
}
class Registration {
  constructor(n) {
    this.n = n;
    this.name = `plugin-${n}`;
  }
}

const cache = new Map();
const auditTrail = [];
const registry = [];
let next = 0;

function phase(i) {
  churn(5000);
  for (let k = 0; k < 500; k++) {
    const key = next++;
    cache.set(`k${key}`, new CacheEntry(key));
  }
  for (let k = 0; k < 4; k++) auditTrail.push(new AuditRecord(next++));
  if (i < 3) for (let k = 0; k < 100; k++) registry.push(new Registration(next++));
}

for (const [i, path] of paths.slice(0, 4).entries()) {
  phase(i);
  snapshot(path);
}
