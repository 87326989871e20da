'use strict';
// A bounded LRU cache at steady state: each phase writes more keys than it holds, so what the
// second phase put in is gone by the third. Nothing leaks.
// Usage: node --expose-gc bounded-cache.cjs <baseline> <target> <final>
const { churn, runLeakPhases } = require('./lib/leak-phases.cjs');
const { cache } = require('./apps/lru');

let next = 0;
runLeakPhases('bounded-cache.cjs', (units) => {
  churn(2000);
  for (let i = 0; i < units * 4; i++) cache.get(`key-${next++}`);
});
