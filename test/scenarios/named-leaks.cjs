'use strict';
// The common ways a Node service leaks, each in its own module file (test/scenarios/apps/), so that
// `leaks` must name each holder as the program does, with its file and line; CommonJS modules and
// one ES module (apps/plugins.mjs). Three snapshots:
// after 50, 200 and 300 units of each leak, with short-lived garbage in every phase.
// Usage: node --expose-gc named-leaks.cjs <baseline> <target> <final>
const { runLeakPhases } = require('./lib/leak-phases.cjs');
const { recordRequest } = require('./apps/audit-log');
const { store } = require('./apps/session-store');
const { connect } = require('./apps/connection');
const { whenReady } = require('./apps/ready');
const { startPolling } = require('./apps/poller');
const { replaceThing } = require('./apps/the-thing');

let next = 0;
import('./apps/plugins.mjs').then(({ registerPlugin }) => runLeakPhases('named-leaks.cjs', (units) => {
  for (let i = 0; i < units; i++) {
    const id = next++;
    recordRequest(id);
    store.open(id);
    connect(id);
    whenReady(id);
    if (i % 5 === 0) startPolling(id);
    if (i % 10 === 0) replaceThing();
    registerPlugin(id);
  }
}));
