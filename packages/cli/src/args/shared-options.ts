import { plural } from '@heapdiff/core';
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { assertNotInput } from '../output/atomic-write.js';
import { colorsFor, type Colors } from '../output/colors.js';
import { emit, OUTPUT_FORMATS, type CommandOutput, type OutputFormat } from '../output/emit.js';
import { classFilter, type ClassFilter } from './class-filter.js';
import { parseCount } from './numbers.js';
import { parseSize } from './size.js';

/**
 * The options every command spells the same way (docs/commands/*.md, "Shared options"). A command
 * opts into the ones that make sense for it; `--color` and `--quiet` are global (main.ts).
 */
export interface SharedOptionsConfig<S extends string = string> {
  /** `--class REGEX` / `--ignore REGEX`: which classes are listed, by name. */
  classes?: boolean;
  /** `--sort`: its values and the default. */
  sort?: { choices: readonly S[]; default: S; describe?: string };
  /** `--min-size SIZE`: what each row's size is, for the help (`retained size`). */
  minSize?: string;
  /** `--limit N`: the default, and what the rows are (for the help). */
  limit?: { default: number; describe?: string };
  /** `--format` (and `--json`): the formats the command writes, `table` first. */
  formats?: readonly OutputFormat[];
  /** `-o FILE`: one output file; `required` when the file is the whole point (`report`). */
  output?: { describe: string; required?: boolean };
  /**
   * `--out-dir DIR`: a set of files. `deprecated` keeps an old spelling working, hidden from the
   * help and noted as deprecated: `'o'` for `-o DIR` (`demo`, `record`), or an option's name
   * (`'graph'` for `leaks --graph DIR`).
   */
  outDir?: { describe: string; default?: string; defaultDescription?: string; deprecated?: string };
}

/** The shared options of one run, parsed and checked. Options a command did not take hold their neutral value. */
export interface SharedOptions<S extends string = string> {
  classes: ClassFilter;
  sort: S;
  /** Bytes; 0 when not given. */
  minSize: number;
  /** Rows to show; 0 = all. */
  limit: number;
  format: OutputFormat;
  /** `-o FILE`. */
  output: string | undefined;
  /** `--out-dir DIR` (or its default). */
  outDir: string | undefined;
  quiet: boolean;
  /** Colours for stdout: off for files, JSON and CSV, and as `--color`/`NO_COLOR`/`FORCE_COLOR`/a terminal decide. */
  colors: Colors;
  /** Progress bars on stderr: for people reading tables, never with `--quiet`, JSON or CSV. */
  progress: boolean;
  /** What `loadAnalysis` takes: `--redact`, and whether to show progress. */
  load: { redact: boolean; json: boolean; quiet: boolean };
  /** A note on stderr (`heapdiff: note: …`), unless `--quiet`. */
  note(text: string): void;
  /** Filters, sorts and cuts rows as `--class`, `--ignore`, `--min-size`, `--sort` and `--limit` ask. */
  select<Row>(rows: readonly Row[], by: RowKeys<Row, S>): Selection<Row>;
  /** `… 3 more classes (--limit 0 shows all)` when `--limit` hid rows; nothing with `--quiet`. */
  more(selection: Selection<unknown>, singular: string, pluralForm?: string): string[];
  /** Writes the output in the chosen format to stdout or `-o FILE`. */
  emit(out: CommandOutput): Promise<void>;
}

/** How `select` reads a row. */
export interface RowKeys<Row, S extends string> {
  /** The class name `--class` and `--ignore` match. */
  name?: (row: Row) => string;
  /** The size `--min-size` compares with. */
  size?: (row: Row) => number;
  /** One comparator per `--sort` value; rows keep their order for a value without one. */
  sorters?: Partial<Record<S, (a: Row, b: Row) => number>>;
  /** Names to suggest from when `--class` matches nothing (default: the rows' names). */
  allNames?: () => Iterable<string>;
}

export interface Selection<Row> {
  /** The rows to show. */
  rows: Row[];
  /** Rows that passed the filters, in order, before `--limit`. */
  matched: Row[];
  /** Rows before any filter. */
  total: number;
}

/** The shared options main.ts defines for every command; each command's help lists them with its own. */
export const GLOBAL_SHARED_KEYS = ['color', 'quiet'];

type Args = Record<string, unknown>;

const last = (value: unknown): unknown => (Array.isArray(value) ? value[value.length - 1] : value);

/**
 * One command's shared options: `define` adds them to its yargs builder (with help), `read` parses
 * and checks them (before any snapshot is loaded), e.g.
 *
 *     export const summaryOptions = sharedOptions({ classes: true, sort: {...}, limit: { default: 20 }, formats: ['table', 'json', 'csv'] });
 *     builder: (y) => summaryOptions.define(y.positional('snapshot', snapshotPositional))
 *     const opts = summaryOptions.read(args, [args.snapshot]);
 */
export function sharedOptions<const S extends string = never>(config: SharedOptionsConfig<S>) {
  return {
    config,
    define: (y: Argv<any>): Argv<any> => defineShared(y, config),
    read: (args: Args, inputs: readonly string[] = []): SharedOptions<S> => readShared(args, config, inputs),
  };
}

function defineShared(y: Argv<any>, config: SharedOptionsConfig<string>): Argv<any> {
  const value = { requiresArg: true, type: 'string' } as const;
  const keys: string[] = [];
  const add = (key: string, options: Record<string, unknown>): void => {
    y.option(key, options);
    if (options.hidden !== true) keys.push(key);
  };
  if (config.classes) {
    add('class', { ...value, describe: 'Only classes whose name matches REGEX' });
    add('ignore', { ...value, describe: 'Leave out classes whose name matches REGEX' });
  }
  if (config.sort) add('sort', { ...value, choices: config.sort.choices, default: config.sort.default, describe: config.sort.describe ?? 'Order of the rows' });
  if (config.minSize) add('min-size', { ...value, describe: `Only rows whose ${config.minSize} is at least SIZE (500kB, 1MB)` });
  // No yargs type: `--limit abc` must reach parseCount as typed, not as NaN.
  if (config.limit) add('limit', { requiresArg: true, default: config.limit.default, describe: config.limit.describe ?? 'Rows to show (0 = all)' });
  if (config.formats) {
    add('format', { ...value, choices: config.formats, defaultDescription: `${config.formats[0]}, or by the -o file's extension`, describe: 'Output format' });
    if (config.formats.includes('json')) add('json', { type: 'boolean', describe: 'Same as --format json (one JSON document; schemas in heapdiff/schemas)' });
  }
  if (config.output) add('output', { ...value, alias: 'o', demandOption: config.output.required === true, describe: config.output.describe });
  if (config.outDir) {
    const shownDefault = config.outDir.defaultDescription ?? config.outDir.default;
    add('out-dir', { ...value, describe: config.outDir.describe, ...(shownDefault ? { defaultDescription: shownDefault } : {}) });
    const old = config.outDir.deprecated;
    if (old === 'o') add('output', { ...value, alias: 'o', hidden: true, describe: 'Deprecated: use --out-dir' });
    else if (old !== undefined) add(old, { ...value, hidden: true, describe: 'Deprecated: use --out-dir' });
  }
  return y.group([...keys, ...GLOBAL_SHARED_KEYS], 'Shared options:');
}

function readFormat(args: Args, config: SharedOptionsConfig<string>, output: string | undefined): OutputFormat {
  const formats = config.formats ?? ['table'];
  const given = last(args.format) as string | undefined;
  if (given !== undefined && !formats.includes(given as OutputFormat)) {
    throw new UsageError(`--format: expected ${formats.join(', ')}, got "${String(given)}"`);
  }
  if (args.json === true) {
    if (given !== undefined && given !== 'json') throw new UsageError(`--json is --format json; it cannot go with --format ${given}`);
    return 'json';
  }
  if (given !== undefined) return given as OutputFormat;
  const byExtension = output === undefined ? undefined : OUTPUT_FORMATS.find((f) => f !== 'table' && extname(output).toLowerCase() === `.${f}`);
  return byExtension !== undefined && formats.includes(byExtension) ? byExtension : formats[0]!;
}

function readShared<S extends string>(args: Args, config: SharedOptionsConfig<S>, inputs: readonly string[]): SharedOptions<S> {
  const quiet = args.quiet === true;
  const classes = classFilter(config.classes ? args.class : undefined, config.classes ? args.ignore : undefined);
  const sortGiven = last(args.sort) as S | undefined;
  if (config.sort && sortGiven !== undefined && !config.sort.choices.includes(sortGiven)) {
    throw new UsageError(`--sort: expected ${config.sort.choices.join(', ')}, got "${String(sortGiven)}"`);
  }
  const sort = (sortGiven ?? config.sort?.default ?? '') as S;
  const minSize = config.minSize && args.minSize !== undefined ? parseSize(args.minSize, '--min-size') : 0;
  const limit = config.limit ? parseCount(args.limit ?? config.limit.default, '--limit', 0, '0 shows all') : 0;
  const output = config.output && args.output !== undefined ? String(last(args.output)) : undefined;
  if (output !== undefined) {
    if (output === '') throw new UsageError('-o: expected a file name, got nothing');
    assertNotInput(output, inputs);
  }
  const format = readFormat(args, config, output);
  const deprecated = config.outDir?.deprecated;
  const legacyKey = deprecated === 'o' ? 'output' : deprecated;
  const legacyDir = legacyKey !== undefined && args[legacyKey] !== undefined && args.outDir === undefined ? String(last(args[legacyKey])) : undefined;
  const outDir = legacyDir ?? (config.outDir && args.outDir !== undefined ? String(last(args.outDir)) : config.outDir?.default);
  if (config.outDir && outDir === '') throw new UsageError('--out-dir: expected a directory, got nothing');
  const note = (text: string): void => {
    if (!quiet) process.stderr.write(`heapdiff: note: ${text}\n`);
  };
  if (legacyDir !== undefined) note(`${deprecated === 'o' ? '-o' : `--${deprecated}`} DIR is deprecated here; use --out-dir ${legacyDir}`);
  const table = format === 'table';
  const options: SharedOptions<S> = {
    classes, sort, minSize, limit, format, output, outDir, quiet,
    colors: colorsFor(table && output === undefined ? (args.color as boolean | undefined) : false),
    progress: table && !quiet,
    load: { redact: args.redact === true, json: !table, quiet },
    note,
    select(rows, by) {
      const sorter = by.sorters?.[sort];
      let kept = rows.filter((row) => (by.name === undefined || classes.matches(by.name(row))) && (by.size === undefined || by.size(row) >= minSize));
      if (by.name && classes.active) {
        const names = by.allNames ? by.allNames() : rows.map(by.name);
        for (const text of classes.unmatched(names)) note(text);
      }
      if (sorter) kept = kept.slice().sort(sorter);
      return { rows: limit > 0 ? kept.slice(0, limit) : kept, matched: kept, total: rows.length };
    },
    more(selection, singular, pluralForm) {
      const hidden = selection.matched.length - selection.rows.length;
      if (quiet || hidden <= 0) return [];
      return [`… ${plural(hidden, `more ${singular}`, `more ${pluralForm ?? `${singular}s`}`)} (--limit 0 shows all)`];
    },
    emit: (out) => emit({ format, file: output }, out),
  };
  return options;
}
