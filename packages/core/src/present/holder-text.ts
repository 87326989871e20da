import type { HeapAnalysis } from '../analysis/analyze.js';
import type { CodeNames } from '../naming/code-names.js';
import type { LeakHolder } from '../queries/leak-holders.js';
import type { ProgramName } from '../queries/program-names.js';
import { nodeLabel } from './labels.js';
import { pathView } from './path-view.js';
import { safeText } from './safe-text.js';
import { formatCount, plural } from './sizes.js';

/** The holder as the program names it (`store.sessions`), else its label (`Array`, `fn() a.js:3:9`). */
export function holderName(analysis: HeapAnalysis, code: CodeNames, entry: Pick<LeakHolder, 'ordinal' | 'name'>): string {
  if (entry.name) return entry.name.text;
  const [step] = pathView(analysis, [{ ordinal: entry.ordinal, edge: -1 }], { code });
  return nodeLabel(step!);
}

/** Where that name lives: `a variable of module app/x.js`, `exported by app/x.js`, `a global`… */
export function describeWhere(name: ProgramName | null): string {
  if (!name) return 'no name in the program\'s code';
  switch (name.kind) {
    case 'module': return `a variable of ${name.where}`;
    case 'exports': return `exported by ${name.where.replace(/^exports of /, '')}`;
    case 'export': return `an ${name.where}`;
    case 'global': return 'a global';
    case 'closure': return `a variable of the ${name.where}`;
    case 'node': return name.where;
    case 'scope': return `reached from ${name.where}`;
  }
}

/** `Array of 1,050 elements (50 → 550 → 1,050 over the snapshots)`, or the chain it is. */
export function holderShapeText(entry: Pick<LeakHolder, 'chain' | 'shape' | 'growth'>): string {
  if (entry.chain) return `a chain of ${formatCount(entry.chain.links)} links repeating every ${plural(entry.chain.period, 'step')}`;
  const kind = safeText(entry.shape.kind, 60);
  const series = entry.growth?.entries ?? [];
  const counts = series.length > 1 && series.some((n) => n !== series[0]) ? ` (${series.map(formatCount).join(' → ')} over the snapshots)` : '';
  // An object that is no collection and holds nothing countable: its kind says it all.
  if (entry.shape.entries === 0 && counts === '' && entry.shape.unit === 'properties and elements') return kind;
  return `${kind} of ${formatCount(entry.shape.entries)} ${entry.shape.unit}${counts}`;
}
