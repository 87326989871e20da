import { pathView, type CodeNames, type HeapAnalysis, type PathStep, type PathStepView } from '@heapdiff/core';
import type { PathStepJson } from './path-step-schema.js';

/** A step as JSON carries it: `location` only where the snapshot has one. */
export function stepToJson({ nodeId, name, type, edge, edgeType, location }: PathStepView): PathStepJson {
  return location ? { nodeId, name, type, edge, edgeType, location } : { nodeId, name, type, edge, edgeType };
}

export function pathToJson(analysis: HeapAnalysis, path: readonly PathStep[], code?: CodeNames): PathStepJson[] {
  return pathView(analysis, path, { code }).map(stepToJson);
}
