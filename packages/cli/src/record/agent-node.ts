import { setTimeout as sleep } from 'node:timers/promises';
import { AgentChannel } from './agent-channel.js';
import { AGENT_SCRIPT } from './agent-script.js';
import { NodeProgram, type ProgramCommand } from './node-program.js';
import { RecordError } from './record-error.js';
import type { Recorder } from './recorder.js';
import { SnapshotFile } from './snapshot-file.js';

export interface AgentOptions {
  /** Memory sample period in the program, ms. */
  sampleEveryMs: number;
  /** On-signal mode: the signal the program itself may receive to ask for a snapshot. */
  signal?: NodeJS.Signals;
  /** Time for the program to load the agent. */
  startTimeoutMs: number;
}

/**
 * Starts a Node.js program with heapdiff's agent preloaded (`--require`, see
 * record-agent/agent.cjs) and a private pipe to it at file descriptor 3. Snapshots are taken in
 * the program by an in-process inspector session, on request over the pipe, and written by the
 * program straight into a file heapdiff created (0600): the program opens no inspector port and
 * heapdiff never holds a snapshot in memory.
 */
export async function startAgentNode(command: ProgramCommand, options: AgentOptions): Promise<Recorder> {
  const flag = `--require=${AGENT_SCRIPT}`;
  const config = { fd: 3, sampleEveryMs: options.sampleEveryMs, flag, signal: options.signal ?? null };
  const program = new NodeProgram(command, [flag], { HEAPDIFF_RECORD_AGENT: JSON.stringify(config) });
  const gone = program.exited.then(() => program.describeGone());
  if (program.pid === undefined) throw new RecordError(await gone);
  const channel = new AgentChannel(program.channel);
  const files = new Set<SnapshotFile>();
  // The pipe outlives the program when a process it started inherited it: let go of it.
  void program.exited.then(() => channel.close(`${program.describeGone()} while a snapshot was being written`));

  const stop = async (): Promise<void> => {
    await program.stop();
    channel.close();
    for (const file of files) file.abort();
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RecordError(`${command.node} did not load heapdiff's agent within ${options.startTimeoutMs / 1000}s (is it Node.js 18 or later?)`)), options.startTimeoutMs);
    });
    const early = gone.then((reason) => Promise.reject(new RecordError(program.startError ? reason : `${reason} before heapdiff's agent loaded`)));
    await Promise.race([channel.ready, early, timeout]);
  } catch (error) {
    // A program on its way out: let it print why and report how it ended.
    await Promise.race([gone, sleep(1000, null, { ref: false })]);
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const capture = async (path: string) => {
    const file = new SnapshotFile(path);
    files.add(file);
    try {
      file.release(); // the program writes it
      const taken = await channel.snapshot(file.temp);
      if (taken.bytes === 0) throw new RecordError('the program wrote an empty heap snapshot');
      file.commit(taken.bytes);
      return taken;
    } finally {
      files.delete(file);
      file.abort(); // no-op after commit; otherwise no partial file is left behind
    }
  };

  return {
    gone,
    pid: program.pid,
    capture,
    onSample: (listener) => channel.onSample(listener),
    onSignal: (listener) => channel.onSignal(listener),
    stop,
  };
}
