// One font for every drawing, with known metrics on both sides: WASM Graphviz sizes each box from
// its own width tables, which include DejaVu Sans (regular and bold), and resvg draws the PNG with
// the copy of DejaVu Sans shipped in this package's fonts/ (DejaVu license, fonts/LICENSE). Text
// that fits its box in the layout fits it in the picture.

/** What DOT asks for. */
export const FONT_FAMILY = 'DejaVu Sans';

/** What the SVG asks for: where DejaVu Sans is missing (a browser), Verdana has nearly its widths. */
export const SVG_FONT_FAMILY = 'DejaVu Sans,Verdana,sans-serif';

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/**
 * Paths of the shipped font files: `fonts/` beside `dist/` in this package, or beside the bundle
 * the CLI is built into (its build copies them). resvg skips a path that does not exist.
 */
export function fontFiles(): string[] {
  return ['../fonts/', './fonts/'].flatMap((dir) => FILES.map((file) => decodeURIComponent(new URL(dir + file, import.meta.url).pathname)));
}

/** resvg's font options for drawings: the shipped font first, system fonts only for glyphs it lacks. */
export function resvgFont(): { fontFiles: string[]; loadSystemFonts: boolean; defaultFontFamily: string; sansSerifFamily: string } {
  return { fontFiles: fontFiles(), loadSystemFonts: true, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
}
