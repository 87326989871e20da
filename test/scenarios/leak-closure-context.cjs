'use strict';
// A closure-context leak: every request registers a completion hook in a long-lived registry and
// never removes it. The hook itself only uses a number, but V8 gives all closures of one scope a
// single shared context, and another closure of that scope used the request's report: the hook
// keeps the whole report alive through its context.
// Snapshots are written from the event loop (as a signal handler or inspector would): a baseline
// once the service has been up (and leaking) for a while, then after each of two more leaking
// phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-closure-context.cjs <baseline> <target> <final>
const v8 = require('node:v8');

const [baselinePath, targetPath, finalPath] = process.argv.slice(2);
if (!finalPath) throw new Error('usage: leak-closure-context.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

class ReportPayload {
  constructor(id) {
    this.id = id;
    this.rows = Array.from({ length: 40 }, (_, i) => ({ row: i, label: `report-${id}-row-${i}` }));
  }
}

// The registry: request id -> hook to call when the request settles. Nothing ever deletes.
const settleHooks = new Map();

function handleRequest(id) {
  const report = new ReportPayload(id);
  const countRows = () => report.rows.length; // shares the scope's context with the hook below
  const rows = countRows();
  settleHooks.set(id, () => rows);
}

class Ephemeral {
  constructor(i) {
    this.i = i;
    this.blob = `ephemeral-${i}-${Math.random()}`;
  }
}
function churn(n) {
  let keep = 0;
  for (let i = 0; i < n; i++) keep += new Ephemeral(i).blob.length;
  return keep;
}

let nextId = 0;
function leakPhase(requests) {
  churn(5000);
  for (let i = 0; i < requests; i++) handleRequest(nextId++);
}

function snapshot(path) {
  global.gc();
  global.gc();
  v8.writeHeapSnapshot(path);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  // The service has been running (and leaking) for a while before anyone takes the baseline.
  leakPhase(50);
  await tick();
  snapshot(baselinePath);
  leakPhase(200);
  await tick();
  snapshot(targetPath);
  leakPhase(300);
  await tick();
  snapshot(finalPath);
}
main();
