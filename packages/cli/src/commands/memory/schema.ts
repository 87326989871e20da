import { z } from 'zod';

export const MemorySampleSchema = z.object({
  t: z.number().nonnegative().describe('When it was taken: milliseconds since startedAt'),
  heapUsed: z.number().nonnegative().describe('JavaScript heap in use, bytes (process.memoryUsage().heapUsed; a page: Runtime.getHeapUsage usedSize)'),
  heapTotal: z.number().nonnegative().describe('JavaScript heap reserved, bytes'),
  external: z.number().nonnegative().optional().describe('Memory of C++ objects bound to JavaScript objects, bytes (Node.js programs only)'),
  arrayBuffers: z.number().nonnegative().optional().describe('ArrayBuffer and SharedArrayBuffer memory, bytes, included in external (Node.js programs only)'),
  rss: z.number().nonnegative().optional().describe('Resident set size of the process, bytes (Node.js programs only)'),
});
export type MemorySample = z.infer<typeof MemorySampleSchema>;

export const SnapshotMarkSchema = z.object({
  file: z.string().describe('The snapshot file, beside memory.json'),
  t: z.number().nonnegative().describe('When the snapshot was started (its garbage collection first): milliseconds since startedAt'),
  tEnd: z.number().nonnegative().describe('When the snapshot was complete'),
  bytes: z.number().int().nonnegative().describe('Size of the snapshot file'),
});
export type SnapshotMark = z.infer<typeof SnapshotMarkSchema>;

export const LoadRunSchema = z.object({
  before: z.string().describe('The snapshot this run of the load command came before'),
  t: z.number().nonnegative().describe('When it started: milliseconds since startedAt'),
  tEnd: z.number().nonnegative().describe('When it ended or was stopped'),
  code: z.number().int().nullable().describe('Its exit code (null when it ended by a signal)'),
  signal: z.string().nullable().describe('The signal that ended it, if any'),
  stoppedAtSnapshot: z.boolean().describe('Still running when the snapshot was due, so heapdiff stopped it'),
});
export type LoadRunMark = z.infer<typeof LoadRunSchema>;

/** memory.json, written by `heapdiff record` beside the snapshots; also `heapdiff memory --json`. */
export const MemorySeriesSchema = z.object({
  version: z.literal(1),
  source: z.enum(['node', 'page']).describe('A Node.js program (sampled in the program) or a page in Chromium (over the DevTools protocol)'),
  target: z.string().describe("The program's command line, or the page's URL"),
  startedAt: z.string().describe('ISO 8601 time of t = 0: when the program or page was started'),
  sampleEveryMs: z.number().positive(),
  samples: z.array(MemorySampleSchema).describe('In time order'),
  snapshots: z.array(SnapshotMarkSchema).describe('In the order taken'),
  load: z
    .object({ command: z.string(), runs: z.array(LoadRunSchema) })
    .optional()
    .describe('record --load: the load command and its runs between snapshots'),
});
export type MemorySeries = z.infer<typeof MemorySeriesSchema>;
