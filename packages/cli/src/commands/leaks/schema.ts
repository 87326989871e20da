import { z } from 'zod';
import { PathStepSchema } from '../../json/path-step-schema.js';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

export const LeakGroupSchema = z.object({
  name: z.string(),
  key: z.string(),
  count: z.number().int(),
  selfSize: z.number(),
  retainedSize: z.number().describe('Members dominated by another member are not counted twice'),
  paths: z.array(z.array(PathStepSchema)).describe('Representative shortest retainer paths, root first, the leaked object last'),
  pathCounts: z.array(z.number().int()).describe('How many sampled members each path represents (same order as paths)'),
  sampled: z.number().int().describe('Members whose paths were computed and clustered'),
  graph: z
    .object({ dot: z.string(), svg: z.string() })
    .optional()
    .describe('With --graph DIR: the files drawing this group\'s paths'),
});

/** With three snapshots only the middle one's ids are read: its edge count and size are unknown. */
const TargetInfoSchema = SnapshotInfoSchema.extend({
  edgeCount: z.number().int().nullable().describe('null when only the ids were read (the middle of three snapshots)'),
  totalSize: z.number().nullable().describe('Sum of self sizes plus extra_native_bytes, as DevTools reports it; null when only the ids were read'),
});

export const LeaksOutputSchema = z.object({
  baseline: SnapshotInfoSchema.pick({ path: true }),
  target: TargetInfoSchema,
  final: SnapshotInfoSchema.nullable(),
  thresholds: z.object({ bytes: z.number(), count: z.number().int() }),
  leaking: z.boolean().describe('Some group reaches a threshold (what --fail-on-leak exits 1 for)'),
  groups: z.array(LeakGroupSchema),
});
export type LeaksOutput = z.infer<typeof LeaksOutputSchema>;
