// Names that are structure with data inside: a DOM element's attribute values
// (`<div id="user-4411" class="card">`, Chromium names elements that way) and the query and
// fragment of a URL (`Window / https://app.example/reset?token=…`, script names). The structure
// stays readable; the data becomes stand-ins.

/** `<div id="x" class="y">`: a tag and attributes whose values hold no `"` (parsed unambiguously). */
const ELEMENT = /^<([^\s<>"]+)((?: [^\s<>"=]+="[^"]*")*)>$/;
const ATTRIBUTE = / ([^\s<>"=]+)="([^"]*)"/g;
/** The query and fragment of URLs: `?…` or `#…` up to whitespace or a quote. */
const URL_DATA = /([a-z][a-z\d+.-]*:\/\/[^\s?#"]*)([?#][^\s"]*)/gi;

/**
 * `name` with its data replaced by `redact(value)`: attribute values of an element name (for
 * `native` nodes), and the query and fragment of every URL. An element name that does not parse
 * keeps only its tag.
 */
export function redactNameParts(name: string, native: boolean, redact: (value: string) => string): string {
  if (native && name.startsWith('<')) {
    const element = ELEMENT.exec(name);
    if (element) {
      return `<${element[1]}${element[2]!.replace(ATTRIBUTE, (_, attribute: string, value: string) => ` ${attribute}="${redact(value)}"`)}>`;
    }
    const space = name.search(/[\s>]/);
    if (space > 1) return `<${name.slice(1, space)} ${redact(name.slice(space + 1).replace(/>$/, ''))}>`;
  }
  if (!name.includes('://')) return name;
  return name.replace(URL_DATA, (_, base: string, data: string) => `${base}${data[0]}${redact(data.slice(1))}`);
}
