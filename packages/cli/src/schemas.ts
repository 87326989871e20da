// `heapdiff/schemas`: the zod schemas of every command's `--json` output (the JSON Schema files
// generated from them are `heapdiff/schemas/<command>.schema.json`). Imports nothing but zod and
// the schema files, so the installed package needs no more than zod to load it.
import type { z } from 'zod';
import { DiffOutputSchema } from './commands/diff/schema.js';
import { GrowthOutputSchema } from './commands/growth/schema.js';
import { InspectOutputSchema } from './commands/inspect/schema.js';
import { LeaksOutputSchema } from './commands/leaks/schema.js';
import { MemorySeriesSchema } from './commands/memory/schema.js';
import { OrphansOutputSchema } from './commands/orphans/schema.js';
import { PathOutputSchema } from './commands/path/schema.js';
import { SummaryOutputSchema } from './commands/summary/schema.js';
import { SuspectsOutputSchema } from './commands/suspects/schema.js';

export { DiffOutputSchema, type DiffOutput } from './commands/diff/schema.js';
export { GrowthOutputSchema, type GrowthOutput } from './commands/growth/schema.js';
export { InspectOutputSchema, type InspectOutput } from './commands/inspect/schema.js';
export { LeaksByClassSchema, LeaksByHolderSchema, LeaksOutputSchema, type LeaksByClassOutput, type LeaksByHolderOutput, type LeaksOutput } from './commands/leaks/schema.js';
export { MemorySeriesSchema } from './commands/memory/schema.js';
export { OrphansOutputSchema, type OrphansOutput } from './commands/orphans/schema.js';
export { PathOutputSchema, type PathOutput } from './commands/path/schema.js';
export { SummaryOutputSchema, type SummaryOutput } from './commands/summary/schema.js';
export { SuspectsOutputSchema, type SuspectsOutput } from './commands/suspects/schema.js';

/** Command name → zod schema of its `--json` output, for every command that has one (the specs name the same). */
export async function outputSchemas(): Promise<Record<string, z.ZodType>> {
  return {
    summary: SummaryOutputSchema,
    diff: DiffOutputSchema,
    leaks: LeaksOutputSchema,
    suspects: SuspectsOutputSchema,
    growth: GrowthOutputSchema,
    orphans: OrphansOutputSchema,
    path: PathOutputSchema,
    inspect: InspectOutputSchema,
    memory: MemorySeriesSchema,
  };
}
