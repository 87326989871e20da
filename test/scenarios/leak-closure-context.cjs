'use strict';
// A closure-context leak: every request registers a completion hook in a long-lived registry and
// never removes it. The hook itself only uses a number, but V8 gives all closures of one scope a
// single shared context, and another closure of that scope used the request's report: the hook
// keeps the whole report alive through its context.
// Snapshots are written from the event loop (as a signal handler or inspector would): a baseline
// once the service has been up (and leaking) for a while, then after each of two more leaking
// phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-closure-context.cjs <baseline> <target> <final>
const { runLeakPhases } = require('./lib/leak-phases.cjs');

class ReportPayload {
  constructor(id) {
    this.id = id;
    this.rows = Array.from({ length: 40 }, (_, i) => ({ row: i, label: `report-${id}-row-${i}` }));
  }
}

// The registry: request id -> hook to call when the request settles. Nothing ever deletes.
// Global, as a registry shared by modules is: a module-level const is reached only through the
// module's closures, which a snapshot taken from an async function may find on the stack alone
// (a system root), and then the path would not start at the global object.
const settleHooks = new Map();
globalThis.settleHooks = settleHooks;

function handleRequest(id) {
  const report = new ReportPayload(id);
  const countRows = () => report.rows.length; // shares the scope's context with the hook below
  const rows = countRows();
  settleHooks.set(id, () => rows);
}

let nextId = 0;
runLeakPhases('leak-closure-context.cjs', (units) => {
  for (let i = 0; i < units; i++) handleRequest(nextId++);
});
