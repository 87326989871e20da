import { sharedOptions } from '../../args/shared-options.js';

export const leaksOptions = sharedOptions({
  classes: true,
  sort: {
    choices: ['verdict', 'retained', 'count'],
    default: 'verdict',
    describe: 'Order of the entries: leaks first, then by what they retain; what survivors retain; how many survived',
  },
  minSize: 'retained size of the survivors it holds',
  limit: { default: 20, describe: 'Entries to show (0 = all)' },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'Write the output to FILE (.json or .csv picks the format)' },
  outDir: { describe: 'Also draw each entry\'s retainer path into DIR (NN-Name.dot and NN-Name.svg)', deprecated: 'graph' },
});
