'use strict';
// A heap near its limit, the production case `suspects` is for: one Map of sessions holds most of
// it. One snapshot. Usage: node --expose-gc dominant-store.cjs <snapshot>
const v8 = require('node:v8');
const { store } = require('./apps/session-store');

for (let id = 0; id < 60_000; id++) store.open(id);
global.gc();
v8.writeHeapSnapshot(process.argv[2]);
