// An HTTP server that leaks: every request's session is kept in a list nobody trims. Listens on
// a free loopback port and writes it to the file argv[2] (for the load client), then serves
// until it is stopped.
'use strict';
const http = require('node:http');
const fs = require('node:fs');

class Session {
  constructor(id, agent) {
    this.id = id;
    this.agent = agent;
    this.history = Array.from({ length: 20 }, (_, i) => `visit ${id}/${i} `.repeat(8));
  }
}
const sessions = []; // the leak

const server = http.createServer((req, res) => {
  sessions.push(new Session(sessions.length, req.headers['user-agent']));
  res.end(`ok ${sessions.length}\n`);
});
server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(process.argv[2], String(server.address().port));
  process.stdout.write(`listening (pid ${process.pid})\n`);
});
