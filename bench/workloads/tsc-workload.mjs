// Snapshot workload: keeps TypeScript compiler Programs alive, then writes a heap snapshot.
// Each Program type-checks ~200 .d.ts files (typescript's lib.*.d.ts, typescript.d.ts and
// @types/node, resolved from the workspace root's devDependencies).
// Usage: node tsc-workload.mjs <out.heapsnapshot> <fullPrograms> <extraCheckedFiles> [<out2> <moreFiles> ...]
//   fullPrograms       programs whose every source file is type-checked
//   extraCheckedFiles  if != 0, one more program where only some source files are checked:
//                      N > 0 checks the last N files (typescript.d.ts, @types/node, small libs),
//                      N < 0 checks the first |N| files (lib.es5, lib.dom, ...: bigger steps)
//   out2, moreFiles    then that last program checks moreFiles more files (next to the ones
//                      already checked) and a later snapshot of the same process goes to out2, and
//                      so on: the series `heapdiff leaks` is benchmarked on (same ids, new checker state)
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const [out, fullArg = '1', extraArg = '0', ...later] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const ts = require('typescript');
const tsLib = path.dirname(require.resolve('typescript'));
const nodeTypes = path.dirname(require.resolve('@types/node/package.json'));

const libs = readdirSync(tsLib).filter((f) => /^lib\..*\.d\.ts$/.test(f) && !f.includes('worker')).sort();
const rootNames = [path.join(nodeTypes, 'index.d.ts'), path.join(tsLib, 'typescript.d.ts')];
const options = {
  lib: libs, types: [], noEmit: true, strict: true,
  target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

/** Files [from, to) of the program, counted from the front (N < 0) or from the back (N > 0). */
function slice(all, from, to, fromBack) {
  return fromBack ? all.slice(Math.max(0, all.length - to), Math.max(0, all.length - from)) : all.slice(from, to);
}

function program(checkedFiles) {
  const p = ts.createProgram({ rootNames, options });
  const all = p.getSourceFiles();
  const files = slice(all, 0, Math.abs(checkedFiles), checkedFiles > 0);
  let diagnostics = p.getGlobalDiagnostics().length;
  for (const f of files) diagnostics += p.getSemanticDiagnostics(f).length;
  return { p, files: all.length, checked: files.length, fromBack: checkedFiles > 0, diagnostics };
}

/** The same program checks `count` more files, next to those it has checked. */
function checkMore(k, count) {
  const files = slice(k.p.getSourceFiles(), k.checked, k.checked + count, k.fromBack);
  for (const f of files) k.diagnostics += k.p.getSemanticDiagnostics(f).length;
  k.checked += files.length;
}

const t0 = Date.now();
const kept = [];
for (let i = 0; i < Number(fullArg); i++) kept.push(program(Infinity));
if (Number(extraArg) !== 0) kept.push(program(Number(extraArg)));
globalThis.__keepAlive = kept;
const mb = (process.memoryUsage().heapUsed / 1e6).toFixed(0);
console.log(`ts ${ts.version}: ${kept.length} programs (${kept.map((k) => `${k.checked}/${k.files}`).join(', ')} files checked), ` +
  `heap ${mb} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
function snapshot(file) {
  const t1 = Date.now();
  v8.writeHeapSnapshot(file);
  console.log(`snapshot written in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}
snapshot(out);
for (let i = 0; i < later.length; i += 2) {
  const k = kept.at(-1);
  checkMore(k, Number(later[i + 1] ?? '0'));
  console.log(`checked ${k.checked}/${k.files} files, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  snapshot(later[i]);
}
