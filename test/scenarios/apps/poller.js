'use strict';
// Every job starts a polling interval that is never cleared.
class PollState {
  constructor(id) {
    this.id = id;
    this.responses = [];
  }
}

function startPolling(id) {
  const state = new PollState(id);
  setInterval(function poll() {
    state.responses.push(Date.now());
  }, 3_600_000);
}

module.exports = { startPolling };
