import { closeSync, copyFileSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NodeProgram, type ProgramCommand } from './node-program.js';
import type { Recorder } from './recorder.js';

const SIGNAL = 'SIGUSR2';
const POLL_MS = 200;

/**
 * On-signal mode: the program runs with Node's own `--heapsnapshot-signal=SIGUSR2` (V8 collects
 * garbage before it writes the snapshot) into a private directory; whoever decides when — a
 * person, a script — sends SIGUSR2 to heapdiff (passed on to the program) or to the program
 * itself, and each finished file is moved into place under the next name. No inspector needed.
 * Node 18 ignores `--diagnostic-dir` for these files and writes them to the working directory,
 * so that is watched too, for files with the program's pid in their name.
 */
export async function startSignalledNode(command: ProgramCommand, outDir: string): Promise<Recorder & { pid?: number }> {
  const diagDir = await mkdtemp(join(outDir, '.heapdiff-signal-'));
  const program = new NodeProgram(command, [`--heapsnapshot-signal=${SIGNAL}`, `--diagnostic-dir=${diagDir}`]);
  const forward = (): void => {
    if (!program.exitStatus) program.child.kill(SIGNAL);
  };
  process.on(SIGNAL, forward);
  const dirs = [diagDir, process.cwd()];
  const taken = new Set<string>();
  let stopped = false;

  const capture = async (path: string): Promise<number> => {
    let last = { file: '', size: -1 };
    while (!stopped) {
      await sleep(POLL_MS);
      const next = oldestNewSnapshot(dirs, program.pid, taken);
      if (!next) continue;
      const size = statSync(next).size;
      // Node writes the file in place: it is done when its size holds still and it ends the JSON.
      if (next === last.file && size === last.size && size > 0 && endsSnapshot(next, size)) {
        taken.add(next);
        moveInto(next, path);
        return size;
      }
      last = { file: next, size };
    }
    throw new Error('recording stopped');
  };

  const stop = async (): Promise<void> => {
    stopped = true;
    process.off(SIGNAL, forward);
    await program.stop();
    // Snapshots the program wrote that were not moved into place (half-written on Ctrl-C).
    for (let file = oldestNewSnapshot(dirs, program.pid, taken); file; file = oldestNewSnapshot(dirs, program.pid, taken)) {
      rmSync(file, { force: true });
      taken.add(file);
    }
    await rm(diagDir, { recursive: true, force: true });
  };

  return { gone: program.exited.then(() => program.describeGone()), capture, stop, pid: program.pid };
}

/** Node names them Heap.<date>.<time>.<pid>.<thread>.<seq>.heapsnapshot. */
function oldestNewSnapshot(dirs: string[], pid: number | undefined, taken: Set<string>): string | undefined {
  const name = new RegExp(`^Heap\\.\\d+\\.\\d+\\.${pid ?? '\\d+'}\\.\\d+\\.(\\d+)\\.heapsnapshot$`);
  const found: Array<{ file: string; seq: number }> = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      const m = name.exec(f);
      if (m && !taken.has(join(dir, f))) found.push({ file: join(dir, f), seq: Number(m[1]) });
    }
  }
  return found.sort((a, b) => a.seq - b.seq)[0]?.file;
}

/** A rename when on one filesystem; otherwise a copy to a temporary name first (still atomic). */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temp = join(dirname(to), `.${basename(to)}.${process.pid}.tmp`);
    copyFileSync(from, temp);
    renameSync(temp, to);
    rmSync(from, { force: true });
  }
}

/** The last bytes close the `strings` array and the top-level object: `"]}` with an unescaped quote. */
function endsSnapshot(path: string, size: number): boolean {
  const fd = openSync(path, 'r');
  try {
    const tail = Buffer.alloc(Math.min(64, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString('latin1').trimEnd();
    const m = /(\\*)"\s*\]\s*\}$/.exec(text);
    return m !== null && m[1]!.length % 2 === 0;
  } finally {
    closeSync(fd);
  }
}
