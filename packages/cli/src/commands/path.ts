import { retainerPathOfId, rootCategory, WEAK_ONLY } from '@heapdiff/core';
import { formatPath, pathToJson } from '../output/retainer-path.js';
import type { PathOutput } from '../schemas/path.js';
import { loadAnalysis } from './load-analysis.js';
import { parseNodeId } from './options.js';

export interface PathArgs {
  snapshot: string;
  id: string;
  json: boolean;
}

export async function runPath(args: PathArgs): Promise<number> {
  const id = parseNodeId(args.id);
  const { analysis, info } = await loadAnalysis(args.snapshot, args.json);
  const path = retainerPathOfId(analysis, id);
  if (args.json) {
    const output: PathOutput = { snapshot: info, nodeId: id, path: pathToJson(analysis, path) };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  if (path.length > 0) {
    process.stdout.write(`${formatPath(analysis, path).join('\n')}\n`);
    return 0;
  }
  const weakOnly = rootCategory(analysis, analysis.graph.ordinalOfId(id)) === WEAK_ONLY;
  const why = weakOnly ? 'only weak references reach it, so the next full GC may free it' : 'nothing references it';
  process.stdout.write(`@${id} has no retainer path from a GC root: ${why}.\n`);
  return 0;
}
