// Reads node_count / edge_count from the first few KB of a .heapsnapshot file.
import { openSync, readSync, closeSync, statSync } from 'node:fs';

export function readHeader(file) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.toString('latin1', 0, n);
    const num = (key) => {
      const m = head.match(new RegExp(`"${key}":(\\d+)`));
      return m ? Number(m[1]) : undefined;
    };
    return { bytes: statSync(file).size, nodes: num('node_count'), edges: num('edge_count') };
  } finally {
    closeSync(fd);
  }
}

export function describe(file) {
  const h = readHeader(file);
  const m = (x) => (x === undefined ? '?' : (x / 1e6).toFixed(2) + 'M');
  return `${(h.bytes / 1e6).toFixed(0)} MB, ${m(h.nodes)} nodes, ${m(h.edges)} edges`;
}
