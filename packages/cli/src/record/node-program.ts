import { spawn, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';

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

/** Lines Node prints about its inspector or diagnostics; they are ours, not the program's output. */
const NODE_NOISE = [
  /^Debugger listening on ws:\/\//,
  /^For help, see: https:\/\/nodejs\.org\//,
  /^Debugger attached\.$/,
  /^Debugger ending on ws:\/\//,
  /^Waiting for the debugger to disconnect\.\.\.$/,
];
const NOISE_STARTS = ['Debugger ', 'For help, see: ', 'Waiting for the debugger'];

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/**
 * The recorded program as a child process. Its stdout and stdin are the terminal's; its stderr is
 * passed through except for the inspector's own messages, which are parsed instead.
 */
export class NodeProgram {
  readonly child: ChildProcess;
  /** Resolves when the process is gone (or could not start: `code` null, `signal` null). */
  readonly exited: Promise<ExitStatus>;
  exitStatus: ExitStatus | null = null;
  startError: Error | null = null;
  private pending = '';
  private stderrEnded = false;
  private readonly lineWatchers: Array<(line: string) => void> = [];

  constructor(readonly command: ProgramCommand, nodeFlags: string[]) {
    this.child = spawn(command.node, [...nodeFlags, ...command.args], { stdio: ['inherit', 'inherit', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.startError = error;
        this.exitStatus ??= { code: null, signal: null };
        resolve(this.exitStatus);
      });
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        // Let its last words (an uncaught error) through first; a grandchild holding the pipe
        // open must not hold us up, hence the time limit.
        const done = (): void => resolve(this.exitStatus!);
        if (this.stderrEnded) done();
        else {
          this.child.stderr!.once('end', done);
          setTimeout(done, 500).unref();
        }
      });
    });
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => this.onStderr(text));
    this.child.stderr!.on('end', () => {
      this.stderrEnded = true;
      this.flush();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Calls `watch` with every stderr line Node prints about its inspector. */
  onNodeMessage(watch: (line: string) => void): void {
    this.lineWatchers.push(watch);
  }

  /** A one-line reason why the process is gone, for error messages. */
  describeGone(): string {
    if (this.startError) {
      const code = 'code' in this.startError ? ` (${String(this.startError.code)})` : '';
      return `cannot start ${this.command.node}${code}`;
    }
    return `the program ${describeExit(this.exitStatus ?? { code: null, signal: null })}`;
  }

  /** SIGTERM, then SIGKILL if it is still there after a grace period. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exitStatus) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private onStderr(text: string): void {
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop()!;
    for (const line of lines) this.line(line, '\n');
    // A partial line that cannot become one of Node's messages is the program's: pass it on now.
    const p = this.pending;
    if (p && !NOISE_STARTS.some((s) => s.startsWith(p) || p.startsWith(s))) {
      process.stderr.write(p);
      this.pending = '';
    }
  }

  private flush(): void {
    if (this.pending) this.line(this.pending, '');
    this.pending = '';
  }

  private line(line: string, end: string): void {
    const bare = line.replace(/\r$/, '');
    if (NODE_NOISE.some((re) => re.test(bare))) {
      for (const watch of this.lineWatchers) watch(bare);
      return;
    }
    process.stderr.write(line + end);
  }
}
