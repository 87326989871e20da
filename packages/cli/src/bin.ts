#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// Parsing a snapshot allocates many strings that live on, which makes V8 double the young
// generation up to 32 MB of resident memory; the heap's bulk lives in typed arrays, so a
// smaller young generation costs no time and lowers peak RSS (bench/run.mjs). Set before the
// CLI's modules load (hence the dynamic import). CLI only: a library must not change V8's flags.
setFlagsFromString('--semi-space-growth-factor=1');

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
