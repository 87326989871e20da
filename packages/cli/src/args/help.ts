import type { Argv } from 'yargs';

/** Help text width: the terminal's (or $COLUMNS), between 80 and 120; 100 when piped. */
export function helpWidth(): number {
  const columns = process.stdout.columns || Number(process.env.COLUMNS) || 100;
  return Math.max(80, Math.min(120, columns));
}

/** yargs gives an example's command at most half the width before wrapping it mid-command. */
const exampleColumn = (): number => Math.floor(helpWidth() / 2) - 4;

/**
 * Examples that never wrap mid-command: side by side with their description when every command
 * fits its column, otherwise each description as a `#` line above its command, which then has the
 * whole width.
 */
export function withExamples(y: Argv<any>, examples: readonly (readonly [command: string, description: string])[]): Argv<any> {
  const width = (command: string): number => command.replace('$0', 'heapdiff').length;
  const sideBySide = examples.every(([command]) => width(command) <= exampleColumn());
  for (const [command, description] of examples) {
    if (sideBySide) {
      y.example(command, description);
    } else {
      y.example(`# ${description}`, '');
      y.example(command, '');
    }
  }
  return y;
}
