import { sharedOptions } from '../../args/shared-options.js';

export const growthOptions = sharedOptions({
  classes: true,
  sort: {
    choices: ['steady', 'count', 'size', 'name'],
    default: 'steady',
    describe: 'Order of the rows: classes that grew at every step first, then by delta; count delta; size growth; class name',
  },
  minSize: 'size change from the first snapshot to the last (either way)',
  limit: { default: 20 },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
});
