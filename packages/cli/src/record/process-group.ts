import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * Whether a process of the group `child` leads still runs. Zombies do not count: a process whose
 * parent died is reaped by init, and in a container without one it stays a zombie for good.
 */
export function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
  } catch {
    return false;
  }
  return process.platform !== 'linux' || liveMembers(child.pid);
}

/** Linux: a process in group `pgid` that is not a zombie, from /proc/<pid>/stat. */
function liveMembers(pgid: number): boolean {
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return true; // no /proc to look in: assume the worst
  }
  for (const pid of pids) {
    if (pid.charCodeAt(0) > 57) continue; // not a number
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses: cut at the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 3);
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}
