'use strict';
// A slow leak under heavy churn: each phase leaves a few hundred small records in an audit trail
// (well under 1 MB and 1,000 objects) while megabytes of short-lived objects come and go, some
// of them through a bounded buffer that always holds the latest ones.
// Usage: node --expose-gc slow-leak.cjs <baseline> <target> <final>
const { churn, runLeakPhases } = require('./lib/leak-phases.cjs');
const { audit } = require('./apps/slow-audit');
const { cache } = require('./apps/lru');

let next = 0;
runLeakPhases('slow-leak.cjs', (units) => {
  for (let i = 0; i < units; i++) {
    const id = next++;
    churn(200);
    for (let k = 0; k < 5; k++) cache.get(`k${id * 5 + k}`);
    if (i % 2 === 0) audit(`batch ${id}`);
  }
});
