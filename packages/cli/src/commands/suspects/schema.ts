import { z } from 'zod';
import { PathStepSchema } from '../../json/path-step-schema.js';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';
import { HolderClassSchema, ProgramStepSchema } from '../leaks/schema.js';

export const SuspectSchema = z.object({
  holder: z.object({
    nodeId: z.number().int(),
    name: z.string().describe('How the program reaches it (`store.sessions`), or its class when no path from a root reaches it through the program\'s code'),
    where: z.string().nullable().describe('Where that name lives: `module app/x.js`, `exports of app/x.js`, `global`…'),
    className: z.string(),
    location: z.string().optional().describe('file:line:column of the holder, when the snapshot has it'),
    shape: z.object({ kind: z.string(), unit: z.string(), entries: z.number().int() }),
  }),
  retainedSize: z.number(),
  share: z.number().describe('Its retained size as a share of the heap\'s total (0 to 1)'),
  objectCount: z.number().int().describe('Objects it holds (its dominator subtree, with a self size)'),
  classes: z.array(HolderClassSchema).describe('What it holds by class, largest retained size first; functions by name and file:line:column'),
  moreClasses: z.number().int(),
  paths: z.array(z.array(PathStepSchema)).describe('The shortest retainer path from a root to it'),
  programPath: z.array(ProgramStepSchema).describe('The same path in the program\'s words'),
});

export const SuspectsOutputSchema = z.object({
  snapshot: SnapshotInfoSchema,
  minShare: z.number().describe('A suspect retains at least this share of the heap'),
  suspects: z.array(SuspectSchema),
});
export type SuspectsOutput = z.infer<typeof SuspectsOutputSchema>;
