// Packs @heapdiff/core, @heapdiff/graphviz-export and heapdiff (the CLI) into installable tarballs:
//   node packages/cli/scripts/pack-all.mjs [DIR]        (default DIR: ./packs; run after a build)
// pnpm pack turns the `workspace:` ranges into the packages' versions, so the three tarballs
// install together with plain `npm install -g core.tgz graphviz-export.tgz heapdiff.tgz`.
// Prints the tarball paths, one a line, in that order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dest = resolve(process.argv[2] ?? join(root, 'packs'));
const packages = ['core', 'graphviz-export', 'cli'];

/** pnpm as the workspace pins it: the one running this script, or that version through npx. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' });
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return execFileSync('npx', ['--yes', packageManager, ...args], { cwd, encoding: 'utf8' });
}

mkdirSync(dest, { recursive: true });
for (const name of packages) {
  const dir = join(root, 'packages', name);
  const { name: pkg, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const required of name === 'cli' ? ['bundle/heapdiff.js', 'bundle/worker.js', 'dist/schemas.js'] : ['dist/index.js']) {
    try {
      readFileSync(join(dir, required));
    } catch {
      throw new Error(`${pkg}: ${required} is missing; build first (pnpm build)`);
    }
  }
  pnpm(['pack', '--pack-destination', dest], dir);
  const tarball = `${pkg.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
  if (!readdirSync(dest).includes(tarball)) throw new Error(`pnpm pack wrote no ${tarball} in ${dest}`);
  process.stdout.write(`${join(dest, tarball)}\n`);
}
