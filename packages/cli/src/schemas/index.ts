import { SummaryOutputSchema } from './summary.js';

/** Command name → zod schema of its `--json` output; `pnpm schemas` writes JSON Schema from these. */
export const outputSchemas = {
  summary: SummaryOutputSchema,
} as const;
