import type { CommandSpec } from '../../args/command-spec.js';
import { withExamples } from '../../args/help.js';
import { recordOptions } from './options.js';

export const recordCommand: CommandSpec = {
  command: 'record [program..]',
  describe: 'Run a Node.js program (or open a page in Chromium) and take heap snapshots of it',
  builder: (y) =>
    withExamples(
      recordOptions.define(y)
        .usage(
          '$0 record [options] -- node app.js [args]\n$0 record [options] --url URL\n\n' +
            'Run a Node.js program (or open a page in Chromium), take heap snapshots of it and sample its memory.\n\n' +
            'Nothing listens where another user could connect: a Node.js program gets heapdiff\'s agent (node --require) and a private ' +
            'pipe instead of an inspector port, and Chromium is driven over a pipe (--remote-debugging-pipe). ' +
            'Snapshots and memory.json are written readable by you only (0600).',
        )
        // Everything after `--` is the program's, verbatim (no number parsing: `--port 3.10` stays).
        .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
        .positional('program', { type: 'string', array: true, describe: 'After --: the program, e.g. -- node app.js --port 3000' })
        .option('count', { alias: 'n', type: 'number', default: 3, describe: 'Snapshots to take (1-baseline, 2-target, ..., N-final)' })
        .option('interval', { type: 'string', describe: 'Time the program runs before each snapshot: 10s, 500ms, 2m [default: 10s]' })
        .option('on-signal', { type: 'boolean', describe: 'Snapshot when heapdiff or the program gets SIGUSR2, instead of on a timer' })
        .option('sample-every', { type: 'string', describe: 'Memory sample period (heap used/total, external, array buffers, RSS), written to memory.json: 100ms, 1s [default: 100ms]' })
        .option('load', { type: 'string', describe: 'Shell command to run as load between snapshots; stopped (with all it started) before each snapshot' })
        .option('node', { type: 'string', describe: 'Node.js binary to run the program with (18 or later)' })
        .option('url', { type: 'string', describe: 'Record a web page in headless Chromium instead of a Node.js program' })
        .option('chromium', { type: 'string', describe: 'Chromium binary for --url [default: $HEAPDIFF_CHROMIUM or /usr/bin/chromium]' })
        .option('analyze', { type: 'boolean', default: false, describe: 'Run `heapdiff leaks` on the snapshots when done' })
        .conflicts('interval', 'on-signal')
        .conflicts('url', ['on-signal', 'node']),
      [
        ['$0 record -- node server.js', 'three snapshots of server.js, 10 s apart, then the leaks command to run'],
        ['$0 record --count 4 --interval 30s --out-dir snaps -- node app.js', 'four snapshots, 30 s apart, into snaps/'],
        ['$0 record --on-signal -- node app.js', 'snapshot on each `kill -USR2 <pid>`'],
        ['$0 record --load "node client.js" -- node server.js', 'client.js runs between snapshots; then `heapdiff memory <dir>`'],
        ['$0 record --url http://localhost:8080/ --interval 5s --analyze', 'a page in headless Chromium, then leaks'],
      ],
    ),
  run: async (args) => (await import('./run.js')).runRecord({ ...args, program: [...(args.program ?? []), ...(args['--'] ?? [])].map(String) }),
};
