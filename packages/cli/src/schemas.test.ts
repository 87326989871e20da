import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { outputSchemas } from './schemas.js';

const schemas = await outputSchemas();

describe('shipped JSON Schemas', () => {
  test.each(Object.keys(schemas))('%s.schema.json matches the zod schema (run `pnpm schemas`)', (command) => {
    const file = new URL(`../schemas/${command}.schema.json`, import.meta.url);
    const shipped = JSON.parse(readFileSync(file, 'utf8'));
    expect(shipped).toEqual({ title: `heapdiff ${command} --json`, ...z.toJSONSchema(schemas[command]!) });
  });
});

test('heapdiff/schemas lists the schema of every command with --json output', async () => {
  const { commandSchemas } = await import('./commands/index.js');
  expect(schemas).toEqual(await commandSchemas());
});
