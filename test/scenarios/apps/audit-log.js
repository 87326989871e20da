'use strict';
// A module-level array that every request appends to and nothing trims.
const auditLog = [];

class AuditEntry {
  constructor(id) {
    this.id = id;
    this.at = Date.now();
    this.note = `request ${id} handled`;
  }
}

function recordRequest(id) {
  auditLog.push(new AuditEntry(id));
}

module.exports = { recordRequest };
