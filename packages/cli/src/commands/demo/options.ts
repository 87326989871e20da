import { sharedOptions } from '../../args/shared-options.js';

export const demoOptions = sharedOptions({
  outDir: { describe: 'Directory for the snapshots, demo-report.html and demo-retainers.svg', default: 'heapdiff-demo', deprecated: 'o' },
});
