// Bundles the compiled CLI (dist/) into bundle/: one module graph instead of ~230 files (yargs,
// zod, core, ...) cuts the CLI's start-up by about a third. Core's worker entry is emitted beside
// it, where core's `new URL('./worker.js', import.meta.url)` (threads/spawn.ts) finds it, and
// graphviz-export's fonts beside it in fonts/, where its font.ts looks.
import { chmodSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cli = new URL('../', import.meta.url);
const core = new URL('../../core/', import.meta.url);
const graphviz = new URL('../../graphviz-export/', import.meta.url);
const outdir = fileURLToPath(new URL('bundle/', cli));

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    heapdiff: fileURLToPath(new URL('dist/bin.js', cli)),
    worker: fileURLToPath(new URL('dist/threads/worker.js', core)),
  },
  outdir,
  bundle: true,
  splitting: true, // each command's code loads only when it runs
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // A native addon, and a library that locates its own files at run time.
  external: ['@resvg/resvg-js', 'playwright-core'],
  // CommonJS dependencies call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(join(outdir, 'heapdiff.js'), 0o755);
cpSync(fileURLToPath(new URL('fonts/', graphviz)), join(outdir, 'fonts'), { recursive: true });
