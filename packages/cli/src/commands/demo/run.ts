import { plural, safeText } from '@heapdiff/core';
import { spawn } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Colors } from '../../output/colors.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { packageRoot } from '../../package-root.js';
import { runLeaks } from '../leaks/run.js';
import { writeReport } from '../report/run.js';
import { runSummary } from '../summary/run.js';
import { demoOptions } from './options.js';

export interface DemoArgs {
  [option: string]: unknown;
}

const demoScript = fileURLToPath(new URL('demo/leaky-service.cjs', packageRoot));

/** A titled step of the walk-through; nothing with `--quiet`. */
function stepper(colors: Colors, quiet: boolean): (title: string, explanation: string) => void {
  return (title, explanation) => {
    if (!quiet) process.stdout.write(`\n${colors.bold(colors.cyan(`▸ ${title}`))}\n${colors.dim(explanation)}\n\n`);
  };
}

function runNode(args: string[], quiet: boolean): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`demo program failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** A path as short as it can be from here, so the printed commands can be copied. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Records the bundled leaking service, walks through what heapdiff finds in it, and leaves the
 * snapshots, an HTML report and a retainer graph in `--out-dir` to look at afterwards. With
 * `--quiet`, only the files written are listed.
 */
export async function runDemo(args: DemoArgs): Promise<number> {
  const opts = demoOptions.read(args);
  const { quiet, colors } = opts;
  const step = stepper(colors, quiet);
  const dir = resolve(opts.outDir!);
  await mkdir(dir, { recursive: true });
  const [baseline, target, final] = ['1-baseline', '2-target', '3-final'].map((name) => shown(join(dir, `${name}.heapsnapshot`))) as [string, string, string];
  const reportFile = shown(join(dir, 'demo-report.html'));
  const graphFile = shown(join(dir, 'demo-retainers.svg'));

  step(
    'Recording a leaky service',
    'The demo service caches every response and adds an event listener per session, and never lets go.\n' +
      'It handles requests in three phases and writes a heap snapshot after each (GC first).',
  );
  // Run from a copy beside its snapshots, so heapdiff names its file as a short relative path.
  const script = join(dir, 'leaky-service.cjs');
  await copyFile(demoScript, script);
  await runNode(['--expose-gc', script, dir], quiet);
  process.stdout.write(`Snapshots written: ${safeText(baseline, 200)}, ${safeText(target, 200)}, ${safeText(final, 200)}\n`);

  step(
    `heapdiff summary ${final} --limit 10`,
    'Which classes hold the most memory? Retained size counts everything an object keeps alive,\n' +
      'so the leaking cache shows up as CachedResponse and the Map that holds them.',
  );
  if (!quiet) await runSummary({ snapshot: final, limit: 10, color: args.color });

  step(
    `heapdiff leaks ${baseline} ${target} ${final} --limit 3`,
    'Which objects were allocated between the first two snapshots and are still alive in the third, and who holds them?\n' +
      'One entry per holder, named as the program names it: responseCache (the cache nobody evicts) and\n' +
      'bus._events.config (listeners nobody removes). Both grew in every interval: that is the verdict.',
  );
  if (!quiet) await runLeaks({ snapshots: [baseline, target, final], by: 'holder', limit: 3, paths: 1, fullPath: false, failOnLeak: false, threshold: '1MB', thresholdCount: 1000, json: false });

  step(
    `heapdiff report ${baseline} ${target} ${final} -o ${reportFile}`,
    'All of it in one HTML file to open in a browser or attach to a bug. It opens with the verdict (what leaks,\n' +
      'where in the code, how fast); the holders, growth charts, class comparison and classes are a click away. It needs no network.',
  );
  const report = await writeReport({ snapshots: [baseline, target, final], output: reportFile, quiet });
  process.stdout.write(`Report written: ${safeText(reportFile, 200)}\n`);

  const drawing = report.overview;
  if (drawing) {
    const holders = report.data.leaks.leaks.filter((e) => e.verdict === 'leak').map((e) => safeText(e.holder.name, 60));
    step(
      'Where the leaks are held',
      `The paths from the program's code to ${holders.join(' and ')} merged into one Graphviz drawing\n` +
        '(laid out in WebAssembly: nothing to install). Arrows go from holder to held; the objects they hold are red.',
    );
    await writeFileAtomic(graphFile, drawing.svg);
    process.stdout.write(`Graph written: ${safeText(graphFile, 200)} (${plural(holders.length, 'leak holder')})\n`);
  }

  step(
    'Next',
    `Open ${reportFile} in a browser. Then try, on your own program:\n` +
      '  heapdiff record -- node app.js     (three snapshots, then the leaks command to run)\n' +
      `  heapdiff leaks ${baseline} ${target} ${final} --fail-on-leak     (exit code 1: a CI gate)`,
  );
  return 0;
}
