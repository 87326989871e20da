// Preloaded with `node --import` when /usr/bin/time is missing: records
// "<uptime s> <maxRSS KB> <user CPU s> <system CPU s>", the fields measure.mjs asks GNU time for.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  if (file) writeFileSync(file, `${process.uptime().toFixed(2)} ${maxRSS} ${(userCPUTime / 1e6).toFixed(2)} ${(systemCPUTime / 1e6).toFixed(2)}\n`);
});
