'use strict';
// The classic closure-chain leak (Meteor's "theThing"): every call to replaceThing() makes a new
// object whose method's closure context also holds `originalThing` — the previous object — because
// V8 gives all closures of one scope one shared context, and `unused` refers to it. Each object
// keeps the one before it alive: a chain of 2,000 objects, every link the three steps
// `.someMethod → {context} → ->originalThing`. Snapshots after 200, 1,000 and 2,000 calls.
// Usage: node --expose-gc closure-chain.cjs <baseline> <target> <final>
const { churn, snapshot } = require('./lib/leak-phases.cjs');

let theThing = null;

function replaceThing() {
  const originalThing = theThing;
  const unused = () => {
    if (originalThing) return 'hi';
    return '';
  };
  theThing = {
    longStr: new Array(1000).join('*'),
    someMethod() {
      return 1;
    },
  };
  return unused;
}

const paths = process.argv.slice(2);
if (paths.length < 3) throw new Error('usage: closure-chain.cjs <baseline> <target> <final>');
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
for (const [i, calls] of [200, 800, 1000].entries()) {
  churn(2000);
  for (let k = 0; k < calls; k++) replaceThing();
  snapshot(paths[i]);
}
