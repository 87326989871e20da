import { sharedOptions } from '../../args/shared-options.js';

export const reportOptions = sharedOptions({
  classes: true,
  minSize: 'size (retained size; size change in the comparison and growth tables)',
  limit: { default: 20, describe: 'Rows per table and leak holders (0 = all)' },
  output: { describe: 'The HTML file to write (report.html)', required: true },
});
