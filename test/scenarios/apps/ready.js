'use strict';
// A promise that never settles; every request waits on it.
let markReady;
const ready = new Promise((resolve) => {
  markReady = resolve;
});

class PendingRequest {
  constructor(id) {
    this.id = id;
    this.payload = `request ${id} waiting`;
  }
}

function whenReady(id) {
  const request = new PendingRequest(id);
  ready.then(() => request.id);
}

module.exports = { whenReady, markReady };
