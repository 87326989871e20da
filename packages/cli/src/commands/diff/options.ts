import { sharedOptions } from '../../args/shared-options.js';

export const diffOptions = sharedOptions({
  classes: true,
  sort: { choices: ['size', 'count', 'name'], default: 'size', describe: 'Order of the rows: size delta, count delta (largest growth first) or class name' },
  minSize: 'size delta (either way)',
  limit: { default: 20 },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
