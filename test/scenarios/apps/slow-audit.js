'use strict';
// A slow leak: a few small audit records per request batch, far below any size threshold.
const trail = [];

function audit(event) {
  trail.push({ event, at: 0 });
}

module.exports = { audit };
