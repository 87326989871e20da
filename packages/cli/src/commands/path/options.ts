import { sharedOptions } from '../../args/shared-options.js';

export const pathOptions = sharedOptions({
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the path to FILE: a drawing for .dot, .svg or .png, else the --format output' },
});
