import { DiffOutputSchema } from './diff.js';
import { GrowthOutputSchema } from './growth.js';
import { LeaksOutputSchema } from './leaks.js';
import { InspectOutputSchema } from './inspect.js';
import { OrphansOutputSchema } from './orphans.js';
import { PathOutputSchema } from './path.js';
import { SummaryOutputSchema } from './summary.js';

/** Command name → zod schema of its `--json` output; `pnpm schemas` writes JSON Schema from these. */
export const outputSchemas = {
  summary: SummaryOutputSchema,
  leaks: LeaksOutputSchema,
  diff: DiffOutputSchema,
  growth: GrowthOutputSchema,
  orphans: OrphansOutputSchema,
  path: PathOutputSchema,
  inspect: InspectOutputSchema,
} as const;
