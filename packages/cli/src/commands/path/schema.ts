import { z } from 'zod';
import { PathStepSchema } from '../../json/path-step-schema.js';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

export const PathOutputSchema = z.object({
  snapshot: SnapshotInfoSchema,
  nodeId: z.number().int().describe('The object the path leads to'),
  path: z
    .array(PathStepSchema)
    .describe('Shortest retainer path, weak edges ignored: a GC root first, the object last; empty if only weak references reach it'),
});
export type PathOutput = z.infer<typeof PathOutputSchema>;
