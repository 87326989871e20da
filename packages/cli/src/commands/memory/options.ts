import { sharedOptions } from '../../args/shared-options.js';

export const memoryOptions = sharedOptions({
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
