// A load generator for leaky-http-server.cjs: waits for the port file argv[2], then sends requests
// one after another until it is stopped, or it has sent argv[3] (default 20,000) or run 60 s.
'use strict';
const http = require('node:http');
const fs = require('node:fs');

const portFile = process.argv[2];
const maxRequests = Number(process.argv[3] ?? 20_000);
const deadline = Date.now() + 60_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let sent = 0;

function request(port) {
  if (sent >= maxRequests || Date.now() > deadline) return done();
  sent++;
  http
    .get({ host: '127.0.0.1', port, path: '/', agent, headers: { 'user-agent': 'load-client' } }, (res) => {
      res.resume();
      res.on('end', () => request(port));
    })
    .on('error', (error) => {
      process.stderr.write(`request ${sent} failed: ${error.message}\n`);
      process.exitCode = 1;
      done();
    });
}

function done() {
  process.stdout.write(`sent ${sent} requests\n`);
  agent.destroy();
}

process.on('SIGTERM', () => {
  process.stdout.write(`stopped after ${sent} requests\n`);
  process.exit(0);
});

(function waitForPort() {
  let port;
  try {
    port = Number(fs.readFileSync(portFile, 'utf8'));
  } catch {
    return void setTimeout(waitForPort, 20);
  }
  process.stdout.write(`sending to port ${port}\n`);
  request(port);
})();
