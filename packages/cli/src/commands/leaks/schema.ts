import { z } from 'zod';
import { PathStepSchema } from '../../json/path-step-schema.js';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

/** Only the last snapshot is read whole; of the others only their ids: their edges and size are unknown. */
const SeriesSnapshotSchema = SnapshotInfoSchema.extend({
  edgeCount: z.number().int().nullable().describe('null when only the ids were read'),
  totalSize: z.number().nullable().describe('Sum of self sizes plus extra_native_bytes, as DevTools reports it; null when only the ids were read'),
});

const ThresholdsSchema = z.object({ bytes: z.number(), count: z.number().int() });
const GraphFilesSchema = z.object({ dot: z.string(), svg: z.string() }).describe('With --out-dir DIR: the files drawing this entry\'s path');

export const LeakGroupSchema = z.object({
  name: z.string(),
  key: z.string(),
  count: z.number().int(),
  selfSize: z.number(),
  retainedSize: z.number().describe('Members dominated by another member are not counted twice'),
  paths: z.array(z.array(PathStepSchema)).describe('Representative shortest retainer paths, root first, the leaked object last'),
  pathCounts: z.array(z.number().int()).describe('How many sampled members each path represents (same order as paths)'),
  sampled: z.number().int().describe('Members whose paths were computed and clustered'),
  graph: GraphFilesSchema.optional(),
});

export const HolderClassSchema = z.object({
  name: z.string().describe('Class name; for functions their name and file:line:column'),
  count: z.number().int(),
  selfSize: z.number(),
  retainedSize: z.number().describe('Members not held by another member of the entry'),
});

export const ProgramStepSchema = z.object({
  nodeId: z.number().int(),
  label: z.string().describe('The node as a person recognises it: a class, a function with its location, the module or scope the path starts at'),
  edge: z.string().nullable().describe('The edge in the program\'s words (`auditLog`, `.sessions`, `.get("key")`, `[3]`); null on the first step'),
});

export const LeakHolderSchema = z.object({
  holder: z.object({
    nodeId: z.number().int(),
    name: z.string().describe('How the program reaches it (`store.sessions`, `auditLog`), or its class when no path from a root reaches it through the program\'s code'),
    where: z.string().nullable().describe('Where that name lives: `module app/x.js`, `exports of app/x.js`, `export of app/x.mjs`, `global`, `closure scope of f() app/x.js:3:7`'),
    className: z.string(),
    location: z.string().optional().describe('file:line:column of the holder (a function, or an object of a located class)'),
    kind: z.enum(['accumulation point', 'new collection', 'direct']).describe('accumulation point: where leaked objects gather; new collection: a collection allocated after the first snapshot that fills up; direct: no accumulation point, the nearest holder that did not leak'),
    shape: z.object({ kind: z.string(), unit: z.string(), entries: z.number().int() }).describe('What the holder is, and its entries in the last snapshot'),
    siblings: z.number().int().describe('Alike holders side by side this entry stands for (`grid[*]`); 1 for most'),
  }),
  verdict: z.enum(['leak', 'not growing', 'below thresholds']).describe('leak: it grew in every interval (three or more snapshots), or its members reach a threshold'),
  retainedSize: z.number().describe('The holder\'s retained size'),
  memberCount: z.number().int().describe('Objects allocated between the first two snapshots, alive in the last, that it holds'),
  memberSelfSize: z.number(),
  memberRetainedSize: z.number().describe('Members dominated by another member are not counted twice'),
  members: z.array(HolderClassSchema).describe('The members by class, largest retained size first'),
  growth: z
    .object({
      gained: z.array(z.object({ count: z.number().int(), size: z.number() })).describe('Objects allocated in each interval between two snapshots that it still holds, oldest first'),
      entries: z.array(z.number().int()).describe('Its entries in each snapshot, among those it holds now'),
      everyInterval: z.boolean(),
    })
    .nullable(),
  chain: z.object({ period: z.number().int(), links: z.number().int() }).nullable().describe('A linked list, a promise\'s reactions, a closure chain: the steps that repeat, and how many links'),
  paths: z.array(z.array(PathStepSchema)).describe('The shortest retainer path from a root, down to the holder and one of its members'),
  programPath: z.array(ProgramStepSchema).describe('The same path in the program\'s words, from the module, exports or scope it starts at'),
  graph: GraphFilesSchema.optional(),
});

export const LeaksByHolderSchema = z.object({
  by: z.literal('holder'),
  snapshots: z.array(SeriesSnapshotSchema).describe('Oldest first; the last is the one analysed'),
  thresholds: ThresholdsSchema,
  leaking: z.boolean().describe('Some entry is a leak (what --fail-on-leak exits 1 for)'),
  leakedCount: z.number().int().describe('Objects allocated between the first two snapshots and alive in the last'),
  leaks: z.array(LeakHolderSchema),
  more: z.object({ entries: z.number().int(), members: z.number().int(), leaks: z.number().int() }).describe('Entries beyond --limit'),
});

export const LeaksByClassSchema = z.object({
  by: z.literal('class'),
  snapshots: z.array(SeriesSnapshotSchema).describe('Oldest first; the last is the one analysed'),
  thresholds: ThresholdsSchema,
  leaking: z.boolean().describe('Some group reaches a threshold (what --fail-on-leak exits 1 for)'),
  groups: z.array(LeakGroupSchema),
});

export const LeaksOutputSchema = z.discriminatedUnion('by', [LeaksByHolderSchema, LeaksByClassSchema]);
export type LeaksOutput = z.infer<typeof LeaksOutputSchema>;
export type LeaksByHolderOutput = z.infer<typeof LeaksByHolderSchema>;
export type LeaksByClassOutput = z.infer<typeof LeaksByClassSchema>;
