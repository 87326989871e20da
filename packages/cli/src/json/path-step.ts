import { pathView, type CodeNames, type HeapAnalysis, type PathStep, type PathStepView } from '@heapdiff/core';
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

/** A step as JSON carries it: `location` only where the snapshot has one. */
export function stepToJson({ nodeId, name, type, edge, edgeType, location }: PathStepView): PathStepJson {
  return location ? { nodeId, name, type, edge, edgeType, location } : { nodeId, name, type, edge, edgeType };
}

export function pathToJson(analysis: HeapAnalysis, path: readonly PathStep[], code?: CodeNames): PathStepJson[] {
  return pathView(analysis, path, { code }).map(stepToJson);
}
