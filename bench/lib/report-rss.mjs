// Preloaded with `node --import` when /usr/bin/time is missing: records "<uptime s> <maxRSS KB>".
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, `${process.uptime().toFixed(2)} ${process.resourceUsage().maxRSS}\n`);
});
