'use strict';
// A sliced-string leak: for every upload a short id is cut out of the (large) request body and
// kept in a global list. V8 makes a slice of 13 or more characters a "sliced string" that
// points into its parent instead of copying, so each kept id pins the whole body.
// Snapshots are written from the event loop: a baseline once the service has been up (and leaking)
// for a while, then after each of two more leaking phases. Each phase also makes short-lived garbage.
// Usage: node --expose-gc leak-sliced-string.cjs <baseline> <target> <final>
const { runLeakPhases } = require('./lib/leak-phases.cjs');

// Upload ids seen so far, "for deduplication". Grows forever, and each entry is a slice.
const seenUploadIds = [];
// Global, as state shared by modules is (see leak-closure-context.cjs: a module-level const may
// be reachable only from the stack when the snapshot is taken).
globalThis.seenUploadIds = seenUploadIds;

function receiveUpload(n) {
  // A flat (sequential) string, as a body read off a socket and decoded would be.
  const body = JSON.stringify({ uploadId: `upload-${String(n).padStart(8, '0')}`, data: `${n}:`.repeat(2500) });
  const start = body.indexOf('upload-');
  seenUploadIds.push(body.slice(start, start + 15)); // 15 >= 13 characters: a sliced string
}

let nextId = 0;
runLeakPhases('leak-sliced-string.cjs', (units) => {
  for (let i = 0; i < units; i++) receiveUpload(nextId++);
});
