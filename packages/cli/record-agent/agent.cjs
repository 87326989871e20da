// heapdiff record's agent, preloaded into the recorded program with `node --require`. It takes
// heap snapshots and samples memory when heapdiff asks, over a pipe heapdiff hands the program as
// an extra file descriptor: no port, no socket file, nothing another user could connect to.
//
// Protocol: one JSON object per line in each direction.
//   heapdiff → agent  {"op":"snapshot","id":1,"path":"/out/.1-baseline.heapsnapshot.123.tmp"}
//   agent → heapdiff  {"type":"ready","pid":…,"node":"v22.1.0"}
//                     {"type":"sample","time":…,"heapUsed":…,"heapTotal":…,"external":…,"arrayBuffers":…,"rss":…}
//                     {"type":"snapshot","id":1,"bytes":…,"started":…,"ended":…}  or  {"type":"snapshot","id":1,"error":"…"}
//                     {"type":"signal"}   (on-signal mode: the program itself got the signal)
// Times are milliseconds since the epoch. The snapshot's file is one heapdiff created (0600); the
// agent only opens it for writing, never creates files.
//
// The program should not notice the agent: it keeps nothing alive (the pipe and the timer are
// unref'd), removes its own flag from process.execArgv and its variable from process.env (so
// fork() and child processes start clean), and keeps the built-ins it uses from load time, before
// the program can replace them (fake timers, a patched Date).
'use strict';

(function heapdiffRecordAgent() {
  const ENV = 'HEAPDIFF_RECORD_AGENT';
  const configText = process.env[ENV];
  if (configText === undefined) return; // not started by heapdiff record (a child of the program)
  delete process.env[ENV];
  let config;
  try {
    config = JSON.parse(configText);
  } catch {
    return;
  }
  const flagAt = process.execArgv.indexOf(config.flag);
  if (flagAt >= 0) process.execArgv.splice(flagAt, 1);
  delete require.cache[__filename];

  const fs = require('node:fs');
  const net = require('node:net');
  const { Session } = require('node:inspector');
  const now = Date.now;
  const memoryUsage = process.memoryUsage;
  const { setInterval: every, clearInterval: stopEvery } = require('node:timers');
  const { O_WRONLY, O_NOFOLLOW } = fs.constants;

  let channel;
  try {
    channel = new net.Socket({ fd: config.fd, readable: true, writable: true });
  } catch {
    return; // no pipe: run the program untouched
  }
  channel.unref();
  channel.on('error', () => {}); // heapdiff went away: nothing to report to

  const send = (message) => {
    if (!channel.destroyed) channel.write(`${JSON.stringify(message)}\n`);
  };

  // One session for the whole run: V8 forgets its object ids when the session that took a
  // snapshot disconnects, and leak detection compares ids across snapshots.
  const session = new Session();
  session.connect();
  let sink = null; // { fd, bytes, failure } of the snapshot being written
  session.on('HeapProfiler.addHeapSnapshotChunk', (message) => {
    if (sink === null || sink.failure !== null) return;
    try {
      const buffer = Buffer.from(message.params.chunk, 'utf8');
      for (let offset = 0; offset < buffer.length; ) offset += fs.writeSync(sink.fd, buffer, offset);
      sink.bytes += buffer.length;
    } catch (error) {
      sink.failure = error; // disk full: reported once the snapshot call returns
    }
  });

  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error) => (error ? reject(error) : resolve())));

  const sample = (time = now()) => {
    const m = memoryUsage.call(process);
    send({ type: 'sample', time, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers ?? 0, rss: m.rss });
  };

  /** Snapshots one at a time, in the order asked: two at once would interleave their chunks. */
  let queue = Promise.resolve();
  const snapshot = (request) => {
    queue = queue.then(async () => {
      const started = now();
      sample();
      let fd = -1;
      try {
        fd = fs.openSync(request.path, O_WRONLY | O_NOFOLLOW);
        await post('HeapProfiler.collectGarbage', {});
        sink = { fd, bytes: 0, failure: null };
        await post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        if (sink.failure !== null) throw sink.failure;
        const bytes = sink.bytes;
        sink = null;
        fs.closeSync(fd);
        fd = -1;
        // The reading right after the snapshot's full GC, stamped with its end: what is retained.
        const ended = now();
        sample(ended);
        send({ type: 'snapshot', id: request.id, bytes, started, ended });
      } catch (error) {
        sink = null;
        if (fd >= 0) fs.closeSync(fd);
        send({ type: 'snapshot', id: request.id, error: String((error && error.message) || error) });
      }
    });
  };

  // Requests are short lines; each byte is looked at once.
  let pending = '';
  channel.setEncoding('utf8');
  channel.on('data', (text) => {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const line = pending + text.slice(start, newline);
      pending = '';
      start = newline + 1;
      let request;
      try {
        request = JSON.parse(line);
      } catch {
        continue;
      }
      if (request.op === 'snapshot') snapshot(request);
    }
    pending += text.slice(start);
  });

  const sampler = every(() => sample(), config.sampleEveryMs);
  sampler.unref();
  // heapdiff closes the pipe only after the program is gone; closed earlier, heapdiff itself was
  // killed: end the program as heapdiff would have (SIGTERM) rather than leave it running alone.
  channel.on('close', () => {
    stopEvery(sampler);
    process.kill(process.pid, 'SIGTERM');
  });

  if (config.signal) process.on(config.signal, () => send({ type: 'signal' }));

  send({ type: 'ready', pid: process.pid, node: process.version });
  sample();
})();
