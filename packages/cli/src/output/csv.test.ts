import { describe, expect, test } from 'vitest';
import { csvCell, formatCsv } from './csv.js';

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['two\nlines', 'two\\nlines'],
    ['tab\tstart', 'tab\\tstart'],
    ['\tstart', '\\tstart'],
    ['bidi\u202eexe', 'bidi\\u202eexe'],
    ['', ''],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  test('numbers stay numbers (a negative delta is data, not a formula)', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1.5)).toBe('1.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

test('formatCsv: a header, then a CRLF-terminated line per row', () => {
  const rows = [{ name: 'Map', n: 3 }, { name: 'a,b', n: -1 }];
  expect(formatCsv({ columns: [{ key: 'name', csv: (r: { name: string }) => r.name }, { key: 'count', csv: (r: { n: number }) => r.n }], rows }))
    .toBe('name,count\r\nMap,3\r\n"a,b",-1\r\n');
});
