// Runs one command in its own process group and measures wall time and peak RSS.
// Uses GNU `/usr/bin/time -f '%e %M %U %S'` when present; otherwise (node scripts only) preloads
// report-rss.mjs, which writes process.resourceUsage() at exit. CPU time (user + system) is less
// disturbed than wall time when other work shares the machine.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const haveGnuTime = existsSync(GNU_TIME) && !process.env.BENCH_NO_GNU_TIME;
const TAIL = 64 * 1024;

function tail(buf, chunk) {
  const s = buf + chunk;
  return s.length > TAIL ? s.slice(-TAIL) : s;
}

/** @returns {Promise<{code, signal, timedOut, wallS, peakRssKB, cpuS, stdout, stderr}>} */
export function measure({ node, nodeArgs, script, args, cwd, timeoutS, discardStdout }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heapdiff-bench-'));
  const statFile = path.join(dir, 'stat');
  let cmd, argv;
  const env = { ...process.env };
  if (haveGnuTime) {
    cmd = GNU_TIME;
    argv = ['-f', '%e %M %U %S', '-o', statFile, node, ...nodeArgs, script, ...args];
  } else {
    cmd = node;
    argv = ['--import', new URL('./report-rss.mjs', import.meta.url).href, ...nodeArgs, script, ...args];
    env.BENCH_RSS_FILE = statFile;
  }
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, argv, {
      cwd, env, detached: true, stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '', timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (c) => { stdout = tail(stdout, c); });
    child.stderr.setEncoding('utf8').on('data', (c) => { stderr = tail(stderr, c); });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    }, timeoutS * 1000);
    child.on('error', (err) => { stderr += `\n${err.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallS = (performance.now() - start) / 1000;
      let peakRssKB;
      let cpuS;
      let stat = '';
      try { stat = readFileSync(statFile, 'utf8'); } catch {}
      rmSync(dir, { recursive: true, force: true });
      // GNU time may prepend "Command terminated by signal 9" / "exited with non-zero status".
      const lines = stat.trim().split('\n');
      const m = lines.at(-1)?.match(/^([\d.]+) (\d+)(?: ([\d.]+) ([\d.]+))?$/);
      if (m) peakRssKB = Number(m[2]);
      if (m?.[3] !== undefined) cpuS = Number(m[3]) + Number(m[4]);
      const killedBy = stat.match(/terminated by signal (\d+)/);
      resolve({
        code, signal: killedBy ? Number(killedBy[1]) : signal, timedOut, wallS, peakRssKB, cpuS, stdout, stderr,
      });
    });
  });
}
