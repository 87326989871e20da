import type { Argv } from 'yargs';
import { limitOption, jsonOption } from './options.js';

export type SetExitCode = (code: number) => void;

/** Handlers are imported on demand so `heapdiff --help` stays fast. */
export function registerCommands(cli: Argv, setExitCode: SetExitCode): void {
  cli.command(
    'summary <snapshot>',
    'Type histogram: count, self and retained size per class (DevTools "Summary")',
    (y) =>
      y
        .positional('snapshot', { type: 'string', demandOption: true, describe: 'A .heapsnapshot file (or .heapsnapshot.gz)' })
        .option('limit', limitOption)
        .option('sort', { choices: ['retained', 'self', 'count'] as const, default: 'retained' as const, describe: 'Order of the rows' })
        .option('json', jsonOption)
        .example('$0 summary app.heapsnapshot', 'the 20 classes that retain the most memory')
        .example('$0 summary app.heapsnapshot --sort count --limit 0', 'every class, most instances first'),
    async (args) => {
      const { runSummary } = await import('./summary.js');
      setExitCode(await runSummary(args));
    },
  );
  cli.command(
    'demo',
    'Run a bundled leaking program, snapshot it, and walk through the analysis',
    (y) => y.option('keep', { type: 'string', describe: 'Directory to keep the demo snapshots in' }),
    async (args) => {
      const { runDemo } = await import('./demo.js');
      setExitCode(await runDemo(args));
    },
  );
}
