'use strict';
// The harness the leak scenarios share: short-lived garbage beside the leak, and three snapshots
// taken from the event loop — a baseline once the service has been up (and leaking) for a while,
// then one after each of two more leaking phases.
const v8 = require('node:v8');

/** Garbage that must not survive into any snapshot. */
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

function snapshot(path) {
  global.gc();
  global.gc(); // the second pass picks up what the first one only unlinked (weak cells, finalizers)
  v8.writeHeapSnapshot(path);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads `<baseline> <target> <final>` from argv and runs `leak(n)` for 50, 200 and 300 units
 * (each after 5,000 pieces of garbage), a snapshot after each. Exits when done, because some
 * leaks (intervals) would keep the process alive.
 */
async function runLeakPhases(script, leak) {
  const paths = process.argv.slice(2);
  if (paths.length < 3) throw new Error(`usage: ${script} <baseline> <target> <final>`);
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  for (const [i, units] of [50, 200, 300].entries()) {
    churn(5000);
    leak(units);
    await tick();
    snapshot(paths[i]);
  }
  process.exit(0);
}

module.exports = { churn, runLeakPhases, snapshot };
