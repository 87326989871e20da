'use strict';
// Each connection adds a shutdown listener and never removes it.
const { lifecycle } = require('./lifecycle');

class Connection {
  constructor(id) {
    this.id = id;
    this.buffer = `connection ${id} buffer`;
    lifecycle.on('shutdown', function onShutdown() {
      return this.id;
    }.bind(this));
  }
}

function connect(id) {
  return new Connection(id);
}

module.exports = { connect };
