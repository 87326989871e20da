import { z } from 'zod';

/** How every `--json` output describes a snapshot it read. */
export const SnapshotInfoSchema = z.object({
  path: z.string(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  totalSize: z.number().describe('Sum of self sizes plus extra_native_bytes, as DevTools reports it'),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;
