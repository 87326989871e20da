import { afterEach, describe, expect, test, vi } from 'vitest';
import { UsageError } from '../errors.js';
import { sharedOptions } from './shared-options.js';

const table = sharedOptions({
  classes: true,
  sort: { choices: ['size', 'name'], default: 'size' },
  minSize: 'size',
  limit: { default: 20 },
  formats: ['table', 'json', 'csv'],
  output: { describe: 'file' },
});
const dirs = sharedOptions({ outDir: { describe: 'dir', default: 'out', deprecated: 'o' } });
const graphs = sharedOptions({ output: { describe: 'file' }, outDir: { describe: 'dir', deprecated: 'graph' } });

afterEach(() => vi.restoreAllMocks());

describe('read', () => {
  test('neutral values when nothing is given', () => {
    const opts = table.read({});
    expect(opts).toMatchObject({ sort: 'size', minSize: 0, limit: 20, format: 'table', output: undefined, quiet: false, progress: true });
    expect(opts.classes.active).toBe(false);
    expect(opts.load).toEqual({ redact: false, json: false, quiet: false });
  });

  test('-o FILE picks the format by extension unless --format says otherwise', () => {
    expect(table.read({ output: 'a.csv' }).format).toBe('csv');
    expect(table.read({ output: 'a.JSON' }).format).toBe('json');
    expect(table.read({ output: 'a.txt' }).format).toBe('table');
    expect(table.read({ output: 'a.csv', format: 'json' }).format).toBe('json');
    expect(table.read({ output: 'a.csv', json: true }).format).toBe('json');
  });

  test('machine formats: no colours, no progress', () => {
    const opts = table.read({ json: true, color: true });
    expect(opts.progress).toBe(false);
    expect(opts.colors.isColorSupported).toBe(false);
    expect(opts.load.json).toBe(true);
    expect(table.read({ color: true }).colors.isColorSupported).toBe(true);
    expect(table.read({ color: true, output: 'x.txt' }).colors.isColorSupported).toBe(false);
  });

  test.each([
    [{ json: true, format: 'csv' }],
    [{ format: 'xml' }],
    [{ sort: 'count' }],
    [{ limit: 'all' }],
    [{ class: '[' }],
    [{ output: '' }],
  ])('%j is a usage error', (args) => {
    expect(() => table.read(args)).toThrow(UsageError);
  });

  test('refuses an -o that is an input', () => {
    expect(() => table.read({ output: '/tmp/x/../x/a.heapsnapshot' }, ['/tmp/x/a.heapsnapshot'])).toThrow(/refusing to overwrite the input snapshot/);
  });

  test('--out-dir, its default, and -o DIR as a deprecated alias (noted unless --quiet)', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(dirs.read({}).outDir).toBe('out');
    expect(dirs.read({ outDir: 'a' }).outDir).toBe('a');
    expect(stderr).not.toHaveBeenCalled();
    expect(dirs.read({ output: 'b' }).outDir).toBe('b');
    expect(stderr).toHaveBeenCalledWith('heapdiff: note: -o DIR is deprecated here; use --out-dir b\n');
    stderr.mockClear();
    expect(dirs.read({ output: 'c', quiet: true }).outDir).toBe('c');
    expect(stderr).not.toHaveBeenCalled();
  });

  test('-o FILE beside --out-dir DIR, with an old option name for the directory', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(graphs.read({ output: 'f.json', graph: 'g' })).toMatchObject({ output: 'f.json', format: 'table', outDir: 'g' });
    expect(stderr).toHaveBeenCalledWith('heapdiff: note: --graph DIR is deprecated here; use --out-dir g\n');
    expect(graphs.read({ outDir: 'h' }).outDir).toBe('h');
  });
});

describe('select and more', () => {
  const rows = [
    { name: 'Map', size: 500 },
    { name: 'Set', size: 2000 },
    { name: 'Session', size: 1500 },
    { name: 'Array', size: 10 },
  ];
  const keys = { name: (r: { name: string }) => r.name, size: (r: { size: number }) => r.size, sorters: { name: (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name) } };

  test('--class, --ignore, --min-size, then --sort, then --limit', () => {
    const opts = table.read({ class: 'S', ignore: 'ion$', minSize: '1kB', limit: '5' });
    expect(opts.select(rows, keys).rows.map((r) => r.name)).toEqual(['Set']);
    const sorted = table.read({ sort: 'name', limit: 2 }).select(rows, keys);
    expect(sorted.rows.map((r) => r.name)).toEqual(['Array', 'Map']);
    expect(sorted.matched).toHaveLength(4);
    expect(table.read({ sort: 'name', limit: 2 }).more(sorted, 'class', 'classes')).toEqual(['… 2 more classes (--limit 0 shows all)']);
    const one = table.read({ limit: 3 });
    expect(one.more(one.select(rows, keys), 'class', 'classes')).toEqual(['… 1 more class (--limit 0 shows all)']);
    expect(table.read({ limit: 3, quiet: true }).more(one.select(rows, keys), 'class')).toEqual([]);
  });

  test('a --class that matches nothing: a note with the name meant', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(table.read({ class: 'Sesion' }).select(rows, keys).rows).toEqual([]);
    expect(stderr).toHaveBeenCalledWith('heapdiff: note: --class Sesion matches no class (did you mean "Session"?)\n');
  });
});
