import { sharedOptions } from '../../args/shared-options.js';

export const inspectOptions = sharedOptions({
  limit: { default: 50, describe: 'Edges and retainers to list (0 = all)' },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
