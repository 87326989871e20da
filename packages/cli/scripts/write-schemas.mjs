// Writes packages/cli/schemas/<command>.schema.json from the commands' zod schemas (run after a build).
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { outputSchemas } from '../dist/schemas.js';

const dir = new URL('../schemas/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const [command, schema] of Object.entries(await outputSchemas())) {
  const json = { title: `heapdiff ${command} --json`, ...z.toJSONSchema(schema) };
  await writeFile(new URL(`${command}.schema.json`, dir), `${JSON.stringify(json, null, 2)}\n`);
}
