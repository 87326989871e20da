// Our streaming parser must read real V8 output exactly as a plain
// JSON.parse-based reader does, on every Node major we support: the formats
// differ (node_fields 7 vs 6, node_types lists of 14-16 entries).
import { statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadSnapshot } from '@heapdiff/core';
import { WANTED_MAJORS, availableMajors } from './helpers/node-binaries.js';
import { referenceParse } from './helpers/oracles.js';
import { makeSnapshot, readSnapshotHeader } from './helpers/snapshots.js';

/** Enough mismatches to see a pattern, few enough to read. */
const MAX_REPORTED = 20;

describe.each(WANTED_MAJORS)('basic scenario on Node %i', (major) => {
  test.skipIf(!availableMajors.includes(major))('every node and edge equals heapsnapshot-parser', async () => {
    const [path] = await makeSnapshot('basic', { node: major });
    const progress: [number, number][] = [];
    const snap = await loadSnapshot(path!, { onProgress: (read, total) => progress.push([read, total]) });
    const g = snap.graph;
    const ref = referenceParse(path!);
    const header = readSnapshotHeader(path!);

    expect(g.nodeTypes).toEqual((header.meta.node_types as string[][])[0]);
    expect(g.edgeTypes).toEqual((header.meta.edge_types as string[][])[0]);
    expect([g.nodeCount, g.edgeCount]).toEqual([ref.nodes.length, ref.edges.length]);
    expect(g.firstEdgeIndex.length).toBe(g.nodeCount + 1);

    const nodeDiffs: string[] = [];
    for (let o = 0; o < g.nodeCount && nodeDiffs.length < MAX_REPORTED; o++) {
      const r = ref.nodes[o]!;
      const ours = { type: g.nodeTypeName(o), name: g.nodeName(o), id: g.nodeId[o], self_size: g.nodeSelfSize[o],
        edge_count: g.firstEdgeIndex[o + 1]! - g.firstEdgeIndex[o]! };
      if (ours.type !== r.type || ours.name !== r.name || ours.id !== r.id || ours.self_size !== r.self_size
        || ours.edge_count !== r.edge_count) {
        nodeDiffs.push(`node #${o}: ours ${JSON.stringify(ours)} reference ${JSON.stringify(r)}`);
      }
    }
    expect(nodeDiffs).toEqual([]);

    const edgeDiffs: string[] = [];
    for (let e = 0; e < g.edgeCount && edgeDiffs.length < MAX_REPORTED; e++) {
      const r = ref.edges[e]!;
      const ours = { type: g.edgeTypeName(e), name: g.edgeName(e), toId: g.nodeId[g.edgeToOrdinal[e]!] };
      if (ours.type !== r.type || ours.name !== r.name || ours.toId !== r.toId) {
        edgeDiffs.push(`edge #${e}: ours ${JSON.stringify(ours)} reference ${JSON.stringify(r)}`);
      }
    }
    expect(edgeDiffs).toEqual([]);

    // Progress: byte counts that only grow, against the file's size, ending at 100%.
    const size = statSync(path!).size;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([read, total], i) => total === size && read <= total && (i === 0 || read >= progress[i - 1]![0])))
      .toBe(true);
    expect(progress.at(-1)![0]).toBe(size);
  });
});
