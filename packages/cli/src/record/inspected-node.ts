import { setTimeout as sleep } from 'node:timers/promises';
import { HeapProfiler } from './heap-profiler.js';
import { InspectorClient } from './inspector-client.js';
import { NodeProgram, type ProgramCommand } from './node-program.js';
import { RecordError } from './record-error.js';
import type { Recorder } from './recorder.js';

const LISTENING = /^Debugger listening on (ws:\/\/\S+)/;
const WAITING_FOR_DEBUGGER = /^Waiting for the debugger to disconnect/;

/**
 * Starts the program with its inspector on a free loopback port (`--inspect=127.0.0.1:0`, so
 * several recordings never collide), reads the WebSocket URL Node prints on stderr, and connects.
 */
export async function startInspectedNode(command: ProgramCommand, startTimeoutMs: number): Promise<Recorder> {
  const program = new NodeProgram(command, ['--inspect=127.0.0.1:0']);
  let client: InspectorClient | null = null;
  let profiler: HeapProfiler | null = null;
  const url = new Promise<string>((resolve) => {
    program.onNodeMessage((line) => {
      const m = LISTENING.exec(line);
      if (m) resolve(m[1]!);
      // The program is done, but Node keeps it alive while a debugger is attached: let it exit.
      if (WAITING_FOR_DEBUGGER.test(line)) client?.close();
    });
  });
  const gone = program.exited.then(() => program.describeGone());
  const stop = async (): Promise<void> => {
    profiler?.abort();
    client?.close();
    await program.stop();
  };
  const beforeInspector = (reason: string): string => (program.startError ? reason : `${reason} before its inspector opened`);
  const timedOut = new RecordError(
    `${command.node} did not open its inspector within ${startTimeoutMs / 1000}s (is it Node.js 18 or later, and does the program allow --inspect?)`,
  );
  const unanswered = new RecordError(`the program does not answer its inspector (no reply in ${startTimeoutMs / 1000}s)`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(client ? unanswered : timedOut), startTimeoutMs)));
    const early = gone.then((reason) => Promise.reject(new RecordError(beforeInspector(reason))));
    client = await Promise.race([url.then((u) => InspectorClient.connect(u)), early, timeout]);
    profiler = new HeapProfiler(client);
    // A program that dies while the connection is being set up can hang in Node (seen with an
    // uncaught exception at start-up): a first request that never returns says so.
    await Promise.race([profiler.enable(), early, timeout]);
  } catch (error) {
    // A refused connection usually means the program is on its way out: let it finish (and
    // print why) rather than kill it, and report how it ended.
    const reason = error === timedOut || error === unanswered ? null : await Promise.race([gone, sleep(1000, null, { ref: false })]);
    await stop();
    throw reason === null ? error : new RecordError(beforeInspector(reason));
  } finally {
    clearTimeout(timer);
  }
  const connected = profiler;
  return { gone, capture: (path) => connected.capture(path), stop };
}
