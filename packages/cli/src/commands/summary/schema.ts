import { z } from 'zod';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';


export const SummaryClassSchema = z.object({
  name: z.string().describe('Class name as DevTools shows it (constructor name, `(string)`, `{a, b}`...)'),
  key: z.string().describe('DevTools aggregate key; differs from name for classes keyed by constructor location'),
  count: z.number().int(),
  selfSize: z.number(),
  retainedSize: z.number(),
});

export const SummaryOutputSchema = z.object({
  snapshot: SnapshotInfoSchema,
  classes: z.array(SummaryClassSchema),
});
export type SummaryOutput = z.infer<typeof SummaryOutputSchema>;

