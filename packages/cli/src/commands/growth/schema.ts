import { z } from 'zod';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

export const GrowthClassSchema = z.object({
  name: z.string().describe('Class name as DevTools shows it (in the newest snapshot that has the class)'),
  key: z.string().describe('DevTools aggregate key; differs from name for classes keyed by constructor location'),
  counts: z.array(z.number().int()).describe('Objects of the class in each snapshot, in argument order'),
  sizes: z.array(z.number()).describe('Their total self size in each snapshot, in bytes'),
  delta: z.number().int().describe('objgraph show_growth delta: count in the last snapshot minus the peak count in the earlier ones'),
  monotonic: z.boolean().describe('The count grew at every step'),
});

export const GrowthOutputSchema = z.object({
  snapshots: z.array(SnapshotInfoSchema),
  classes: z.array(GrowthClassSchema).describe('Classes that pass --class, --ignore and --min-size, in --sort order (default: steadiest growers first: monotonic classes, then by delta)'),
});
export type GrowthOutput = z.infer<typeof GrowthOutputSchema>;
