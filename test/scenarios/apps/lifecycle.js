'use strict';
// A process-wide emitter every connection subscribes to.
const { EventEmitter } = require('node:events');

const lifecycle = new EventEmitter();
lifecycle.setMaxListeners(0);

module.exports = { lifecycle };
