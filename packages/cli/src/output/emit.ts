import { formatCsv, type CsvTable } from './csv.js';
import { formatJson } from './json.js';
import { writeFileAtomic } from './atomic-write.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

/**
 * What a command has to say, in each format it offers; only the one asked for is built. `text`
 * is for people (already coloured as asked), one string per line.
 */
export interface CommandOutput {
  json(): unknown;
  csv?(): CsvTable<any>;
  text(): string[];
}

/** Where and how a command's output goes: stdout, or `-o FILE` written atomically. */
export interface OutputTarget {
  format: OutputFormat;
  file?: string;
}

export function renderOutput(format: OutputFormat, out: CommandOutput): string {
  if (format === 'json') return formatJson(out.json());
  if (format === 'csv') {
    if (!out.csv) throw new Error('this command has no CSV form'); // the shared options offer csv only where there is one
    return formatCsv(out.csv());
  }
  const lines = out.text();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Writes the output in the format asked for, to stdout or the `-o` file. */
export async function emit(target: OutputTarget, out: CommandOutput): Promise<void> {
  const text = renderOutput(target.format, out);
  if (target.file === undefined) process.stdout.write(text);
  else await writeFileAtomic(target.file, text);
}
