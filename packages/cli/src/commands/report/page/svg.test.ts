import { retainerPathsToDot, dotToSvg } from '@heapdiff/graphviz-export';
import { describe, expect, test } from 'vitest';
import { inlineSvg, UnsafeSvgError } from './svg.js';

const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '"\'><svg onload=alert(3)>', '<!-- --> ]]> &amp; \\N'];

async function hostileSvg(): Promise<string> {
  const paths = [[
    { nodeId: 1, name: 'global', type: 'object', edge: null, edgeType: null },
    { nodeId: 2, name: HOSTILE[0]!, type: 'object', edge: HOSTILE[2]!, edgeType: 'property', className: HOSTILE[1]! },
    { nodeId: 3, name: HOSTILE[3]!, type: 'string', edge: HOSTILE[0]!, edgeType: 'property', selfSize: 10, retainedSize: 20 },
  ]];
  return dotToSvg(retainerPathsToDot(paths, { title: HOSTILE.join(' ') }));
}

describe('inlineSvg', () => {
  test('Graphviz output with hostile labels passes: markup only as escaped text, no prolog, comments or titles', async () => {
    const svg = inlineSvg(await hostileSvg(), 'g1-');
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).not.toMatch(/<\?xml|<!DOCTYPE|<!--|<title>/);
    const tags = [...svg.matchAll(/<\/?([\w:-]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['svg', 'g', 'polygon', 'path', 'text']));
    const tagsWithHandlers = [...svg.matchAll(/<[^>]*>/g)].filter((m) => /\son\w+=/i.test(m[0]));
    expect(tagsWithHandlers).toEqual([]);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toMatch(/id="g1-graph0"/);
  });

  test('rejects anything Graphviz does not write', () => {
    const wrap = (inner: string): string => `<svg width="1pt" height="1pt">${inner}</svg>`;
    expect(() => inlineSvg(wrap('<script>alert(1)</script>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg(wrap('<g onload="alert(1)"></g>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg(wrap('<foreignObject></foreignObject>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg(wrap('<a xlink:href="javascript:alert(1)"></a>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg(wrap('<text x="1">a < b</text>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg(wrap('<text x=1>a</text>'), 'x')).toThrow(UnsafeSvgError);
    expect(() => inlineSvg('<div></div>', 'x')).toThrow(UnsafeSvgError);
  });
});
