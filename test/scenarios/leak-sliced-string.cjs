'use strict';
// A sliced-string leak: for every upload a short id is cut out of the (large) request body and
// kept in a module-level list. V8 makes a slice of 13 or more characters a "sliced string" that
// points into its parent instead of copying, so each kept id pins the whole body.
// Snapshots are written from the event loop: a baseline once the service has been up (and leaking)
// for a while, then after each of two more leaking phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-sliced-string.cjs <baseline> <target> <final>
const v8 = require('node:v8');

const [baselinePath, targetPath, finalPath] = process.argv.slice(2);
if (!finalPath) throw new Error('usage: leak-sliced-string.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');

// Upload ids seen so far, "for deduplication". Grows forever, and each entry is a slice.
const seenUploadIds = [];

function receiveUpload(n) {
  // A flat (sequential) string, as a body read off a socket and decoded would be.
  const body = JSON.stringify({ uploadId: `upload-${String(n).padStart(8, '0')}`, data: `${n}:`.repeat(2500) });
  const start = body.indexOf('upload-');
  seenUploadIds.push(body.slice(start, start + 15)); // 15 >= 13 characters: a sliced string
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
function leakPhase(uploads) {
  churn(5000);
  for (let i = 0; i < uploads; i++) receiveUpload(nextId++);
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
