import type { ChildProcess } from 'node:child_process';

/**
 * Sends `signal` to the process group `child` leads (started with `detached: true`, so its pid is
 * the group's id): the program and every process it started that kept its group, such as a child
 * sharing its output. A group that is already gone is fine.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: nobody left in the group
  }
}

/** Whether any process of the group `child` leads is still there (a zombie leader counts). */
export function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
