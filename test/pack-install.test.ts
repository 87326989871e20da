// The published shape: `pnpm pack` of @heapdiff/core, @heapdiff/graphviz-export and heapdiff gives
// tarballs that a clean machine installs with plain `npm install -g` (no `workspace:` ranges left,
// the native PNG rasteriser's platform package and the WASM Graphviz resolved by npm), and the
// installed `heapdiff demo` runs from an empty directory. The CLI ships a bundle with core and
// graphviz-export inside, so its tarball depends on neither.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const PACK_ALL = new URL('../packages/cli/scripts/pack-all.mjs', import.meta.url).pathname;

/** npm as a user runs it: none of the npm_* settings pnpm hands to the scripts it runs. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

async function packageJsonOf(tarball: string): Promise<Record<string, any>> {
  const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
  return JSON.parse(stdout) as Record<string, any>;
}

async function filesOf(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], { maxBuffer: 16 << 20 });
  return stdout.split('\n').filter(Boolean);
}

describe('pnpm pack → npm install -g → heapdiff demo', () => {
  let dir: string;
  let tarballs: string[];
  const prefix = (): string => join(dir, 'prefix');
  const installed = (): string => join(prefix(), 'lib', 'node_modules');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdiff-pack-'));
    const { stdout } = await run(process.execPath, [PACK_ALL, join(dir, 'packs')], { timeout: 300_000 });
    tarballs = stdout.trim().split('\n');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('three tarballs with versions where the workspace had workspace: ranges', async () => {
    expect(tarballs.map((t) => t.slice(dir.length + 1))).toEqual([
      'packs/heapdiff-core-0.1.0.tgz', 'packs/heapdiff-graphviz-export-0.1.0.tgz', 'packs/heapdiff-0.1.0.tgz',
    ]);
    for (const tarball of tarballs) expect(JSON.stringify(await packageJsonOf(tarball))).not.toContain('workspace:');
    const cli = await packageJsonOf(tarballs[2]!);
    // Core and graphviz-export are inside the bundle; at run time the CLI needs only what the bundle leaves out.
    expect(Object.keys(cli.dependencies ?? {}).filter((name) => name.startsWith('@heapdiff/'))).toEqual([]);
    expect((await packageJsonOf(tarballs[1]!)).dependencies['@heapdiff/core']).toBe('0.1.0');
    const files = await filesOf(tarballs[2]!);
    for (const file of ['bundle/heapdiff.js', 'bundle/worker.js', 'demo/leaky-service.cjs', 'schemas/summary.schema.json', 'dist/schemas.js', 'dist/schemas.d.ts']) {
      expect(files, file).toContain(`package/${file}`);
    }
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.tsbuildinfo') || f.endsWith('.test.js'))).toEqual([]);
  });

  test('install with plain npm into a fresh prefix; the installed demo runs and writes its files', async () => {
    await run('npm', ['install', '--global', '--prefix', prefix(), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
      env: userEnv(), timeout: 600_000, maxBuffer: 16 << 20,
    });
    const bin = join(prefix(), 'bin', 'heapdiff');
    expect(existsSync(bin)).toBe(true);
    expect(existsSync(join(installed(), 'heapdiff', 'node_modules', '@heapdiff'))).toBe(false);
    expect((await run(bin, ['--version'])).stdout.trim()).toBe((await packageJsonOf(tarballs[2]!)).version);

    const cwd = join(dir, 'work');
    await mkdir(cwd);
    const { stdout, stderr } = await run(bin, ['demo'], { cwd, timeout: 180_000, maxBuffer: 16 << 20 });
    expect(stderr).toBe('');
    expect(stdout).toContain('Report written: heapdiff-demo/demo-report.html');
    for (const name of ['1-baseline.heapsnapshot', '2-target.heapsnapshot', '3-final.heapsnapshot', 'demo-report.html', 'demo-retainers.svg']) {
      expect(existsSync(join(cwd, 'heapdiff-demo', name)), name).toBe(true);
    }
    expect(await readFile(join(cwd, 'heapdiff-demo', 'demo-retainers.svg'), 'utf8')).toContain('CachedResponse');

    // `heapdiff/schemas` loads from the installed package with nothing but its own dependencies.
    const consumer = join(dir, 'consumer');
    await mkdir(join(consumer, 'node_modules'), { recursive: true });
    await symlink(join(installed(), 'heapdiff'), join(consumer, 'node_modules', 'heapdiff'));
    const { stdout: keys } = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('heapdiff/schemas'); console.log(Object.keys(await m.outputSchemas()).join(','))"], { cwd: consumer });
    expect(keys.trim().split(',')).toContain('summary');
  });
});
