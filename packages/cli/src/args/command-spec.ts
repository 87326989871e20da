import type { Argv } from 'yargs';
import type { z } from 'zod';

/**
 * One subcommand: its yargs options and help, and its implementation, imported only when it runs
 * (so `--help` and every other command stay fast). A command with `--json` output names its zod
 * schema the same lazy way; `pnpm schemas` writes JSON Schema from it.
 */
export interface CommandSpec {
  command: string;
  describe: string;
  /** The shortest real use (`heapdiff summary app.heapsnapshot`): quoted when arguments are missing. */
  example?: string;
  // yargs' builder types do not compose across a heterogeneous list; each spec checks its own.
  builder: (y: Argv) => Argv<any>;
  run: (args: any) => Promise<number>;
  jsonSchema?: () => Promise<z.ZodType>;
}
