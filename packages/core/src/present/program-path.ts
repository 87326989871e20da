import type { HeapAnalysis } from '../analysis/analyze.js';
import type { CodeNames } from '../naming/code-names.js';
import { programEdgeText, type ProgramName } from '../queries/program-names.js';
import type { PathStep } from '../queries/retainer-path.js';
import { pathView, type PathStepView } from './path-view.js';

/**
 * A path as the program reaches its object: from the module, exports, export, global or scope
 * its name starts at (`module app/audit-log.js`), each edge as the program writes it (`auditLog`,
 * `.sessions`, `.get("s42")`), a collection's backing store left out. Without a name, the whole path.
 */
export function programPathView(analysis: HeapAnalysis, code: CodeNames, path: readonly PathStep[], name: ProgramName | null): PathStepView[] {
  if (!name) return pathView(analysis, path, { code });
  const from = Math.min(name.from, path.length - 1);
  const steps = pathView(analysis, path.slice(from), { code });
  const out: PathStepView[] = [{ ...steps[0]!, edge: null, edgeType: null, label: name.where }];
  for (let i = 1; i < steps.length; i++) {
    const k = from + i;
    // An export's cell holds the exported value: the edge reads as the export's name.
    const piece = i === 1 && name.kind === 'export'
      ? { text: name.text.split(/[.[{]/)[0]! }
      : programEdgeText(analysis, code, path[k - 1]!.ordinal, path[k]!.edge);
    // A step the program does not spell (a Map's table) is left out; its node is the next step's holder.
    if (piece === null && i + 1 < steps.length && steps[i]!.edgeType === 'internal') continue;
    out.push(piece === null ? steps[i]! : { ...steps[i]!, edgeText: piece.text });
  }
  return out;
}
