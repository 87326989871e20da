// What /proc says about processes a test started: their descendants, the sockets they listen
// on, whether they are gone. Linux only (the record tests' platform).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

function stat(pid: number): { ppid: number; state: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses: cut at the last ')'.
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state: state! };
  } catch {
    return null;
  }
}

/** `pid` and every process below it, by parent links. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = stat(Number(name));
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), Number(name)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Gone, or a zombie nobody reaped yet (it runs nothing and holds nothing). */
export function isGone(pid: number): boolean {
  const info = stat(pid);
  return info === null || info.state === 'Z' || info.state === 'X';
}

export interface ListeningSocket {
  pid: number;
  kind: 'tcp' | 'tcp6' | 'unix';
  /** The port (tcp) or the path (unix; empty for an abstract or unnamed one). */
  where: string;
}

/** Inodes of listening sockets: TCP in state LISTEN (0A), unix sockets flagged __SO_ACCEPTCON. */
function listeningInodes(): Map<string, Omit<ListeningSocket, 'pid'>> {
  const found = new Map<string, Omit<ListeningSocket, 'pid'>>();
  for (const kind of ['tcp', 'tcp6'] as const) {
    for (const line of readFileSync(`/proc/net/${kind}`, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A') found.set(cols[9]!, { kind, where: String(parseInt(cols[1]!.split(':')[1]!, 16)) });
    }
  }
  for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 7 && (parseInt(cols[3]!, 16) & 0x10000) !== 0) found.set(cols[6]!, { kind: 'unix', where: cols[7] ?? '' });
  }
  return found;
}

/** Every socket any of `pids` holds that accepts connections. */
export function listeningSockets(pids: readonly number[]): ListeningSocket[] {
  const listening = listeningInodes();
  const out: ListeningSocket[] = [];
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      const socket = inode === undefined ? undefined : listening.get(inode);
      if (socket) out.push({ pid, ...socket });
    }
  }
  return out;
}

/** What a process's file descriptor is open on (`pipe:[123]`, a path), or null. */
export function fdTarget(pid: number, fd: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/fd/${fd}`);
  } catch {
    return null;
  }
}
