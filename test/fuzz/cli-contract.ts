// The command-line contract for bad input (docs: shared spec cli.md): exit 0 or 1 with output, or
// exit 2 with exactly one stderr error line `heapdiff: <file>: <what> (at byte N)`; never a stack
// trace, an escape sequence, a hang, or a half-written -o file. Warnings (`heapdiff: <file>:
// warning: …`, `heapdiff: warning: …`) may come before, each on its own line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const CLI = new URL('../../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** The environment of a user piping heapdiff's output: no colours asked for. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

export function runCli(args: string[], timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: plainEnv() });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });
}

/** Runs the commands two at a time (most of a run is process start-up); results in input order. */
export async function runCliAll(commands: string[][], timeoutMs: number): Promise<CliRun[]> {
  const runs: CliRun[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < commands.length; i = next++) runs[i] = await runCli(commands[i]!, timeoutMs);
  };
  await Promise.all([lane(), lane()]);
  return runs;
}

const STACK_LINE = /^\s+at .+[:(]\d+/m;
const WARNING_LINE = /^heapdiff: (.+: )?warning: ./;
const ERROR_LINE = /^heapdiff: (.+)$/;
const OPTION_ERROR = /^heapdiff: (no object with id @\d+|no objects of class|--[a-z-]+)/;
const BYTE_OFFSET = / \(at byte (\d+)\)$/;

export interface ContractOptions {
  /** Input files of the run: an error line must name one of them. */
  inputs: string[];
  /** Largest byte offset an error may report (the decompressed size of the inputs). */
  maxOffset: number;
  /** The -o file, if the command writes one. */
  output?: string;
}

/** Everything wrong with how the CLI ended; empty when the run kept the contract. */
export function contractViolations(run: CliRun, options: ContractOptions): string[] {
  const problems: string[] = [];
  if (run.timedOut) return [`no exit within the time bound (${Math.round(run.ms)} ms)`];
  if (run.signal) problems.push(`killed by ${run.signal}`);
  if (STACK_LINE.test(run.stderr) || STACK_LINE.test(run.stdout)) problems.push('a stack trace was printed');
  if (run.stderr.includes('\u001b')) problems.push('an escape sequence reached stderr');
  for (const line of run.stderr.split('\n').filter((l) => WARNING_LINE.test(l))) {
    const named = line.startsWith('heapdiff: warning: ') || options.inputs.some((input) => line.startsWith(`heapdiff: ${input}: warning: `));
    if (!named) problems.push(`warning line names none of the inputs: ${JSON.stringify(line.slice(0, 200))}`);
  }
  if (run.code === 2) {
    const lines = run.stderr.split('\n').filter((line) => line !== '' && !WARNING_LINE.test(line));
    if (lines.length !== 1) problems.push(`exit 2 with ${lines.length} stderr lines: ${JSON.stringify(run.stderr.slice(0, 300))}`);
    const line = lines[0] ?? '';
    const match = ERROR_LINE.exec(line);
    if (!match) problems.push(`error line does not start with "heapdiff: ": ${JSON.stringify(line.slice(0, 200))}`);
    if (line.includes('unexpected; rerun with --debug')) problems.push(`an unexpected (untyped) error: ${line}`);
    // Errors about an option (an id the mutated snapshot lost) name the option, not a file.
    const named = options.inputs.some((input) => line.startsWith(`heapdiff: ${input}: `)) || OPTION_ERROR.test(line);
    if (!named) problems.push(`error line names none of the inputs: ${JSON.stringify(line.slice(0, 200))}`);
    const offset = BYTE_OFFSET.exec(line);
    if (offset && Number(offset[1]) > options.maxOffset) problems.push(`byte offset ${offset[1]} is past the end of the input (${options.maxOffset})`);
  } else if (run.code === 0 || run.code === 1) {
    const others = run.stderr.split('\n').filter((line) => line.startsWith('heapdiff: ') && !WARNING_LINE.test(line));
    if (others.length > 0) problems.push(`exit ${run.code} with an error line: ${JSON.stringify(others[0]!.slice(0, 200))}`);
    if (run.stdout.length === 0) problems.push(`exit ${run.code} without output`);
  } else {
    problems.push(`exit code ${run.code}`);
  }
  if (options.output !== undefined) {
    const written = existsSync(options.output);
    if (run.code === 2 && written) problems.push('an -o file was left behind after an error');
    if (run.code === 0 && (!written || statSync(options.output).size === 0)) problems.push('exit 0 but no -o file');
    const dir = dirname(options.output);
    const temp = readdirSync(dir).filter((name) => name.startsWith(`.${basename(options.output!)}.`) && name.endsWith('.tmp'));
    if (temp.length > 0) problems.push(`temporary files left: ${temp.join(', ')}`);
  }
  return problems;
}
