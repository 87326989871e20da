// A program `heapdiff record` has never seen: a job runner that leaks the jobs it finished
// through a retry registry nobody clears. Runs until it is killed, like a server; it takes no
// snapshots itself. argv[2]: ms between ticks (default 20).
'use strict';
const tick = Number(process.argv[2] ?? 20);

class InvoiceJob {
  constructor(id) {
    this.id = id;
    this.lines = Array.from({ length: 8 }, (_, i) => ({ sku: `sku-${id}-${i}`, qty: i + 1 }));
    this.startedAt = Date.now();
  }
}

const retryRegistry = new Map(); // never cleared: the leak

function runJob(id) {
  const job = new InvoiceJob(id);
  retryRegistry.set(id, () => runJob(job.id)); // the closure keeps the job alive
  // Garbage that dies at once: must not be reported.
  let total = 0;
  for (const line of job.lines.map((l) => ({ ...l, price: l.qty * 3 }))) total += line.price;
  return total;
}

let id = 0;
setInterval(() => {
  for (let i = 0; i < 50; i++) runJob(id++);
}, tick);
process.stdout.write(`job runner started (pid ${process.pid})\n`);
