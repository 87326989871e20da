// `heapdiff/schemas`: the zod schemas of every command's `--json` output (the JSON Schema files
// generated from them are `heapdiff/schemas/<command>.schema.json`).
export { outputSchemas } from './commands/index.js';
export { DiffOutputSchema, type DiffOutput } from './commands/diff/schema.js';
export { GrowthOutputSchema, type GrowthOutput } from './commands/growth/schema.js';
export { InspectOutputSchema, type InspectOutput } from './commands/inspect/schema.js';
export { LeaksByClassSchema, LeaksByHolderSchema, LeaksOutputSchema, type LeaksByClassOutput, type LeaksByHolderOutput, type LeaksOutput } from './commands/leaks/schema.js';
export { OrphansOutputSchema, type OrphansOutput } from './commands/orphans/schema.js';
export { PathOutputSchema, type PathOutput } from './commands/path/schema.js';
export { SummaryOutputSchema, type SummaryOutput } from './commands/summary/schema.js';
export { SuspectsOutputSchema, type SuspectsOutput } from './commands/suspects/schema.js';
