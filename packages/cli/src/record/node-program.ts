import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { groupAlive, signalGroup } from './process-group.js';

/** What `-- node app.js args` resolves to: the binary and everything after it. */
export interface ProgramCommand {
  node: string;
  args: string[];
}

const NODE_BINARY = /^node(js)?(\d+)?(\.exe)?$/i;
const SCRIPT = /\.(c|m)?(j|t)sx?$/i;

/** `node app.js` and `app.js` both work; `--node PATH` replaces the binary. */
export function resolveProgram(argv: readonly string[], nodeOption?: string): ProgramCommand {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new UsageError('record needs a program to run: heapdiff record -- node app.js [args] (or --url URL for a web page)');
  }
  if (NODE_BINARY.test(basename(first))) return { node: nodeOption ?? first, args: rest };
  if (SCRIPT.test(first)) return { node: nodeOption ?? process.execPath, args: [...argv] };
  throw new UsageError(`record runs Node.js programs, and "${first}" is not node: write heapdiff record -- node app.js [args] (or use --url for a web page)`);
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/** The agent's pipe is the program's file descriptor 3: the first after stdin, stdout and stderr. */
const AGENT_FD = 3;
const GROUP_POLL_MS = 50;

/**
 * The recorded program as a child process, in a process group of its own so that stopping it
 * stops whatever it started too (a child sharing its output would otherwise outlive it). Its
 * stdin, stdout and stderr are heapdiff's own: its output reaches the terminal untouched, and
 * heapdiff never reads it. `nodeFlags` go before the program's own arguments; `env` is added to
 * the environment; `channel` is the extra pipe at file descriptor 3.
 */
export class NodeProgram {
  readonly child: ChildProcess;
  /** Resolves when the process is gone (or could not start: `code` null, `signal` null). */
  readonly exited: Promise<ExitStatus>;
  exitStatus: ExitStatus | null = null;
  startError: Error | null = null;

  constructor(readonly command: ProgramCommand, nodeFlags: string[], env: Record<string, string>) {
    this.child = spawn(command.node, [...nodeFlags, ...command.args], {
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, ...env },
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.startError = error;
        this.exitStatus ??= { code: null, signal: null };
        resolve(this.exitStatus);
      });
      // 'exit', not 'close': a process the program started may hold the pipe open after it.
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** heapdiff's end of the pipe at the program's file descriptor 3. */
  get channel(): Socket {
    return this.child.stdio[AGENT_FD] as Socket;
  }

  /** A one-line reason why the process is gone, for error messages. */
  describeGone(): string {
    if (this.startError) {
      const code = 'code' in this.startError ? ` (${String(this.startError.code)})` : '';
      return `cannot start ${this.command.node}${code}`;
    }
    return `the program ${describeExit(this.exitStatus ?? { code: null, signal: null })}`;
  }

  /**
   * SIGTERM to the program's whole group (also when the program itself has ended: what it
   * started may still run), then SIGKILL to whatever of the group is left after a grace period.
   */
  async stop(graceMs = 3000): Promise<void> {
    if (this.child.pid === undefined) return;
    signalGroup(this.child, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    await Promise.race([this.exited, sleep(graceMs, undefined, { ref: false })]);
    while (groupAlive(this.child) && Date.now() < deadline) await sleep(GROUP_POLL_MS);
    signalGroup(this.child, 'SIGKILL');
    await this.exited;
  }
}
