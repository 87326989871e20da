// Graphviz output goes into the page as inline SVG. Its labels are escaped twice over (our DOT
// escapes heap strings, Graphviz writes text as entities), but the page does not rely on that:
// the SVG is cut down to the elements and attributes Graphviz draws with, and anything else
// rejects the whole drawing. An inline SVG is parsed by the HTML parser, so this is the check
// that matters.

const ELEMENTS = new Set(['svg', 'g', 'polygon', 'polyline', 'path', 'ellipse', 'text']);
const ATTRIBUTES = new Set([
  'width', 'height', 'viewbox', 'xmlns', 'xmlns:xlink', 'id', 'class', 'transform',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill-opacity',
  'points', 'd', 'cx', 'cy', 'rx', 'ry', 'x', 'y',
  'text-anchor', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-decoration', 'baseline-shift', 'xml:space',
]);
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w:.-]*)="([^"<>]*)"/g;

export class UnsafeSvgError extends Error {}

/**
 * Graphviz SVG as markup for inside an HTML page: no XML prolog, doctype, comments or `<title>`
 * tooltips (which show internal node keys), ids prefixed with `idPrefix` so several drawings can
 * share a page. Throws UnsafeSvgError on anything Graphviz does not write: a tag or attribute
 * outside the allow list, or a stray `<` in text.
 */
export function inlineSvg(svg: string, idPrefix: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new UnsafeSvgError('no <svg> element');
  const body = svg
    .slice(start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<title>[^<]*<\/title>/g, '')
    .trim();
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    if (lt < 0) {
      out.push(body.slice(i));
      break;
    }
    out.push(body.slice(i, lt));
    TAG.lastIndex = lt;
    const m = TAG.exec(body);
    if (!m) throw new UnsafeSvgError(`unexpected markup at ${lt}`);
    const [, close, name, attrs, selfClose] = m;
    if (!ELEMENTS.has(name!)) throw new UnsafeSvgError(`element <${name}> is not allowed`);
    out.push(close ? `</${name}>` : `<${name}${rewriteAttributes(attrs!, idPrefix)}${selfClose ? '/' : ''}>`);
    i = TAG.lastIndex;
  }
  return out.join('');
}

function rewriteAttributes(attrs: string, idPrefix: string): string {
  let result = '';
  for (const [, name, value] of attrs.matchAll(ATTRIBUTE)) {
    if (!ATTRIBUTES.has(name!.toLowerCase())) throw new UnsafeSvgError(`attribute ${name} is not allowed`);
    result += ` ${name}="${name === 'id' ? `${idPrefix}${value}` : value}"`;
  }
  return result;
}
