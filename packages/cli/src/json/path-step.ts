import { pathView, type HeapAnalysis, type PathStep } from '@heapdiff/core';
import type { PathStepJson } from './path-step-schema.js';

export function pathToJson(analysis: HeapAnalysis, path: readonly PathStep[]): PathStepJson[] {
  return pathView(analysis, path).map(({ nodeId, name, type, edge, edgeType }) => ({ nodeId, name, type, edge, edgeType }));
}
