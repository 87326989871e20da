// Preloaded into a CLI child (`node --require peak-rss.cjs …`): writes the process's peak
// resident set size in kilobytes to the file named by HEAPDIFF_TEST_PEAK_RSS when it exits,
// whatever its exit code. Portable where /usr/bin/time -f %M is not.
const { writeFileSync } = require('node:fs');
const out = process.env.HEAPDIFF_TEST_PEAK_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
