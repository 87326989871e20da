// Shared locations. All generated artefacts live under bench/out/ (gitignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.dirname(benchDir);
export const outDir = path.join(benchDir, 'out');
export const nodeCacheDir = path.join(outDir, '.node');
