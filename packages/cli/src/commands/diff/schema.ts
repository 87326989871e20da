import { z } from 'zod';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

export const DiffClassSchema = z.object({
  name: z.string().describe('Class name as DevTools shows it'),
  key: z.string().describe('DevTools aggregate key; differs from name for classes keyed by constructor location'),
  addedCount: z.number().int().describe('Objects of the class in `after` whose id is not in the class in `before`'),
  removedCount: z.number().int().describe('Objects of the class in `before` whose id is not in the class in `after`'),
  countDelta: z.number().int().describe('addedCount - removedCount'),
  addedSize: z.number().describe('Self size of the added objects, in bytes'),
  removedSize: z.number().describe('Self size of the removed objects, in bytes'),
  sizeDelta: z.number().describe('addedSize - removedSize'),
});

export const DiffOutputSchema = z.object({
  before: SnapshotInfoSchema,
  after: SnapshotInfoSchema,
  classes: z.array(DiffClassSchema).describe('Classes with objects added or removed that pass --class, --ignore and --min-size, in --sort order (default: largest sizeDelta first)'),
});
export type DiffOutput = z.infer<typeof DiffOutputSchema>;
