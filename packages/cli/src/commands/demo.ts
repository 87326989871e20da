import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { runLeaks } from './leaks.js';
import { runSummary } from './summary.js';

export interface DemoArgs {
  keep?: string;
}

const demoScript = fileURLToPath(new URL('../../demo/leaky-service.cjs', import.meta.url));

function step(title: string, explanation: string): void {
  process.stdout.write(`\n${pc.bold(pc.cyan(`▸ ${title}`))}\n${pc.dim(explanation)}\n\n`);
}

function runNode(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`demo program failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Records the bundled leaking service and walks through what heapdiff finds in it. */
export async function runDemo(args: DemoArgs): Promise<number> {
  const dir = args.keep ? resolve(args.keep) : await mkdtemp(join(tmpdir(), 'heapdiff-demo-'));
  await mkdir(dir, { recursive: true });
  try {
    step(
      'Recording a leaky service',
      'The demo service caches every response and adds an event listener per session, and never lets go.\n' +
        'It handles requests in three phases and writes a heap snapshot after each (GC first).',
    );
    await runNode(['--expose-gc', demoScript, dir]);
    const final = join(dir, '3-final.heapsnapshot');
    process.stdout.write(`Snapshots written to ${dir}\n`);
    step(
      `heapdiff summary ${final} --limit 10`,
      'Which classes hold the most memory? Retained size counts everything an object keeps alive,\n' +
        'so the leaking cache shows up as CachedResponse and the Map that holds them.',
    );
    await runSummary({ snapshot: final, limit: 10, sort: 'retained', json: false });
    const baseline = join(dir, '1-baseline.heapsnapshot');
    const target = join(dir, '2-target.heapsnapshot');
    step(
      `heapdiff leaks ${baseline} ${target} ${final} --limit 3 --paths 1`,
      'Which objects were allocated during the suspect phase and are still alive two snapshots later?\n' +
        'Each group shows who holds it: follow the path to ->responseCache (the never-evicted cache)\n' +
        'and to ->bus ._events.config (listeners that were never removed).',
    );
    await runLeaks({ baseline, target, final, limit: 3, paths: 1, failOnLeak: false, threshold: '1MB', thresholdCount: 1000, json: false });
    const where = args.keep ? '' : '\n(these snapshots are deleted when the demo ends: run `heapdiff demo --keep DIR` to keep them)';
    step('Next', `Try: heapdiff leaks ${baseline} ${target} ${final} --fail-on-leak   (exit code 1: a CI gate)${where}`);
    return 0;
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
}
