import { sharedOptions } from '../../args/shared-options.js';

export const recordOptions = sharedOptions({
  // Named when the recording starts: only a description of the default here.
  outDir: { describe: 'Directory for the snapshots and memory.json', defaultDescription: 'heapdiff-record-<date>-<time>', deprecated: 'o' },
});
