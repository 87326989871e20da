// `heapdiff demo` as a new user runs it: no arguments, in an empty directory. It records the
// bundled service, prints summary and leaks (with the paths to both leaks), and leaves the
// snapshots, an HTML report and an SVG drawing of where the leaks are held in ./heapdiff-demo/.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

describe('heapdiff demo', () => {
  let cwd: string | undefined;
  afterAll(async () => {
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  test('with no arguments: records, explains each step, writes snapshots, report and graph to ./heapdiff-demo', async () => {
    cwd = await mkdtemp(join(tmpdir(), 'heapdiff-demo-test-'));
    const { stdout, stderr } = await run(process.execPath, [CLI, 'demo'], { cwd, maxBuffer: 16 << 20, timeout: 120_000 });
    expect(stderr).toBe('');
    const dir = join(cwd, 'heapdiff-demo');
    for (const name of ['1-baseline.heapsnapshot', '2-target.heapsnapshot', '3-final.heapsnapshot', 'demo-report.html', 'demo-retainers.svg']) {
      expect(existsSync(join(dir, name)), name).toBe(true);
    }
    // Every step is titled with the command it stands for, paths relative to where the user is.
    expect(stdout).toContain('▸ heapdiff summary heapdiff-demo/3-final.heapsnapshot --limit 10');
    expect(stdout).toContain('▸ heapdiff leaks heapdiff-demo/1-baseline.heapsnapshot heapdiff-demo/2-target.heapsnapshot heapdiff-demo/3-final.heapsnapshot');
    expect(stdout).toContain('▸ heapdiff report ');
    expect(stdout).toContain('Report written: heapdiff-demo/demo-report.html');
    expect(stdout).toContain('Graph written: heapdiff-demo/demo-retainers.svg');
    // Both leaks are found and their holders named.
    // One entry per holder, named as the program names it, with its file; the verdict first.
    expect(stdout).toContain('2 leaks: responseCache, bus._events.config');
    expect(stdout).toMatch(/#1 responseCache +\(a variable of module heapdiff-demo\/leaky-service\.cjs\) +← leak: grows in every interval/);
    expect(stdout).toMatch(/#2 bus\._events\.config .*← leak/);
    expect(stdout).toMatch(/\(anonymous\)\(\) heapdiff-demo\/leaky-service\.cjs:\d+:\d+/);
    expect(stdout).toContain('._events → Object');

    const html = await readFile(join(dir, 'demo-report.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const data = JSON.parse(/<script type="application\/json" id="heapdiff-data">([^<]*)<\/script>/.exec(html)![1]!);
    expect(data.leaks.leaks.map((e: { holder: { name: string } }) => e.holder.name)).toEqual(['responseCache', 'bus._events.config']);
    const svg = await readFile(join(dir, 'demo-retainers.svg'), 'utf8');
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('CachedResponse');
    expect(svg).toContain('responseCache');
  });
});
