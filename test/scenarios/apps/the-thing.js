'use strict';
// The classic closure chain (Meteor's "theThing"): `unused` captures `originalThing`, and every
// closure of `replaceThing` shares one context, so each new `theThing`'s method keeps the previous
// `theThing` alive, and so on back to the first.
let theThing = null;

function replaceThing() {
  const originalThing = theThing;
  const unused = () => originalThing;
  theThing = {
    longStr: `${'*'.repeat(64)}${Math.random()}`,
    someMethod() {
      return 1;
    },
  };
  return unused;
}

module.exports = { replaceThing };
