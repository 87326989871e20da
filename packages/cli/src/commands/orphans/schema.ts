import { z } from 'zod';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

export const OrphanGroupSchema = z.object({
  name: z.string().describe('Class name as DevTools shows it'),
  key: z.string().describe('DevTools aggregate key; differs from name for classes keyed by constructor location'),
  count: z.number().int().describe('Orphans of the class'),
  selfSize: z.number(),
  retainedSize: z.number().describe('What the orphans keep alive; orphans never dominate one another'),
  categories: z
    .array(z.object({ category: z.string(), count: z.number().int() }))
    .describe('Who holds them: a GC root category such as `(Global handles)`, `(Handle scope)`, `(Stack roots)`, an embedder root such as `Node / TCPServerWrap` (with the edge out of it when named: `(Strong roots) › weak_refs_keep_during_job`), or `weak only`'),
  sampleIds: z.array(z.number().int()).describe('Ids of the members that retain the most, largest first'),
});

export const OrphansOutputSchema = z.object({
  snapshot: SnapshotInfoSchema,
  orphanCount: z.number().int().describe('Orphans in all groups that pass --class, --ignore and --min-size, also those beyond --limit'),
  groups: z.array(OrphanGroupSchema).describe('One per class, in --sort order (default: largest retained size first)'),
});
export type OrphansOutput = z.infer<typeof OrphansOutputSchema>;
