import { z } from 'zod';
import { SnapshotInfoSchema } from '../../json/snapshot-info.js';

const nodeId = z.number().int().describe('Snapshot object id (`@12345` in DevTools)');

export const InspectEdgeSchema = z.object({
  edge: z.string().describe('Edge name, or the index as a string for element and hidden edges'),
  edgeType: z.string().describe('property, element, context, internal, hidden, shortcut or weak'),
  label: z.string().describe('The edge as DevTools writes it: `.prop`, `[3]`, `->ctxVar`, `{internal}`, `[[weak]]`'),
  nodeId: nodeId.describe('The node at the other end: the target of an edge, the source of a retainer'),
  name: z.string().describe('That node\'s name (string values cut to 100 characters)'),
  type: z.string().describe('That node\'s type: object, closure, string, array, native...'),
  className: z.string(),
  location: z.string().optional().describe('file:line:column of that node when it is a function or an object of a located class'),
  retainedSize: z.number(),
});

export const InspectOutputSchema = z.object({
  snapshot: SnapshotInfoSchema,
  node: z.object({
    nodeId,
    type: z.string(),
    name: z.string().describe('Display name; for strings the value, cut to 100 characters'),
    className: z.string().describe('Class as `summary` groups it'),
    location: z.string().optional().describe('file:line:column of a function, or of an object\'s class, when the snapshot has it'),
    selfSize: z.number().describe('Shallow size in bytes, as DevTools shows it'),
    retainedSize: z.number(),
    distance: z
      .number()
      .int()
      .nullable()
      .describe('Edges from a root, as DevTools counts them (100000000 and up: reachable only through GC roots); null when only weak references reach it'),
    dominator: z
      .object({ nodeId, name: z.string(), className: z.string() })
      .nullable()
      .describe('Immediate dominator: the node every retainer path passes through last; null for the root'),
  }),
  edgeCount: z.number().int().describe('All outgoing edges (edges lists at most --limit)'),
  edges: z.array(InspectEdgeSchema).describe('Outgoing edges, largest retained size first'),
  retainerCount: z.number().int().describe('All retainers (retainers lists at most --limit)'),
  retainers: z.array(InspectEdgeSchema).describe('Incoming edges, strong ones closest to a root first, weak ones last'),
});
export type InspectOutput = z.infer<typeof InspectOutputSchema>;
