'use strict';
// The closure-chain leak on its own, 2,000 links deep: paths, drawings and reports must stay short.
// Usage: node --expose-gc leak-closure-chain.cjs <baseline> <target> <final>
const { runLeakPhases } = require('./lib/leak-phases.cjs');
const { replaceThing } = require('./apps/the-thing');

runLeakPhases('leak-closure-chain.cjs', (units) => {
  for (let i = 0; i < units * 4; i++) replaceThing();
});
