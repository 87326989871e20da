import { sharedOptions } from '../../args/shared-options.js';

export const suspectsOptions = sharedOptions({
  classes: true,
  sort: { choices: ['retained', 'count'], default: 'retained', describe: 'Order of the suspects: what they retain; how many objects they hold' },
  minSize: 'retained size',
  limit: { default: 10, describe: 'Suspects to show (0 = all)' },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
