import { describe, expect, test } from 'vitest';
import type { CommandSpec } from './command-spec.js';
import { unknownCommandMessage, usageMessage } from './usage-messages.js';

const spec = (command: string, example?: string): CommandSpec => ({ command, describe: '', example, builder: (y) => y, run: async () => 0 });
const summary = spec('summary <snapshot>', 'heapdiff summary app.heapsnapshot');
const diff = spec('diff <before> <after>', 'heapdiff diff 1.heapsnapshot 2.heapsnapshot');
const ctx = (argv: string[], command: CommandSpec, options: string[] = []) => ({ argv, spec: command, options });

describe('usageMessage', () => {
  test('a missing positional: what is missing, and an example line', () => {
    expect(usageMessage('Not enough non-option arguments: got 0, need at least 1', ctx(['summary'], summary)))
      .toBe('summary needs <snapshot>, e.g. heapdiff summary app.heapsnapshot');
    expect(usageMessage('Not enough non-option arguments: got 1, need at least 2', ctx(['diff', 'a'], diff)))
      .toBe('diff needs <after>, e.g. heapdiff diff 1.heapsnapshot 2.heapsnapshot');
  });

  test('a misspelt option: the option meant, when one is close', () => {
    const options = ['limit', 'sort', 'min-size', 'minSize', 'color', 'json'];
    expect(usageMessage('Unknown arguments: limt', ctx(['summary', 'x', '--limt', '3'], summary, options)))
      .toBe('unknown option --limt for summary (did you mean --limit?)');
    expect(usageMessage('Unknown arguments: min-sze, minSze', ctx(['summary', 'x', '--min-sze=3'], summary, options)))
      .toBe('unknown option --min-sze for summary (did you mean --min-size?)');
    expect(usageMessage('Unknown arguments: no-colr, noColr', ctx(['summary', 'x', '--no-colr'], summary, options)))
      .toBe('unknown option --no-colr for summary (did you mean --no-color?)');
    expect(usageMessage('Unknown argument: frobnicate', ctx(['summary', 'x', '--frobnicate'], summary, options)))
      .toBe('unknown option --frobnicate for summary; see heapdiff summary --help');
  });

  test('an extra positional', () => {
    expect(usageMessage('Unknown argument: parsecs', ctx(['summary', 'x', '--min-size', '3', 'parsecs'], summary)))
      .toBe('unexpected argument "parsecs"; see heapdiff summary --help');
  });

  test('a value outside the choices, a missing value, a missing -o', () => {
    expect(usageMessage('Invalid values:\n  Argument: sort, Given: "size", Choices: "retained", "self", "count"', ctx([], summary)))
      .toBe('--sort: expected retained, self, count, got "size"');
    expect(usageMessage('Not enough arguments following: limit', ctx([], summary))).toBe('--limit needs a value; see heapdiff summary --help');
    expect(usageMessage('Missing required argument: output', ctx([], spec('report <snapshots..>', 'heapdiff report a b -o r.html'))))
      .toBe('report needs -o FILE, e.g. heapdiff report a b -o r.html');
  });
});

describe('unknownCommandMessage', () => {
  const names = ['summary', 'diff', 'demo', 'leaks'];
  test('suggests only a close command', () => {
    expect(unknownCommandMessage('sumary', names)).toBe('unknown command "sumary" (did you mean "summary"?); see heapdiff --help');
    expect(unknownCommandMessage('foo', names)).toBe('unknown command "foo"; see heapdiff --help');
  });
});
