import type { Argv } from 'yargs';

/** One subcommand. `run` imports its implementation lazily so `--help` stays fast. */
export interface CommandSpec {
  command: string;
  describe: string;
  // yargs' builder types do not compose across a heterogeneous list; each spec checks its own.
  builder: (y: Argv) => Argv<any>;
  run: (args: any) => Promise<number>;
}
