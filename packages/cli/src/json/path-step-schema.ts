import { z } from 'zod';

/** A step of a retainer path in every `--json` output: the node and the edge into it. */
export const PathStepSchema = z.object({
  nodeId: z.number().int(),
  name: z.string(),
  type: z.string().describe('Node type: object, closure, string, array, native, ...'),
  edge: z.string().nullable().describe('Name or index of the edge from the previous step; null on the first step'),
  edgeType: z.string().nullable().describe('property, element, context, internal, ...; null on the first step'),
  location: z.string().optional().describe('file:line:column of a function, or of an object\'s class, when the snapshot has it'),
});

export type PathStepJson = z.infer<typeof PathStepSchema>;
