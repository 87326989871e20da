import { sharedOptions } from '../../args/shared-options.js';

export const summaryOptions = sharedOptions({
  classes: true,
  sort: { choices: ['retained', 'self', 'count'], default: 'retained' },
  minSize: 'retained size',
  limit: { default: 20 },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
