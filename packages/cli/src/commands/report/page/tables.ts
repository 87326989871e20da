import { escapeHtml } from './escape.js';

/** One column of a sortable HTML table. `html` must already be escaped. */
export interface HtmlColumn<Row> {
  header: string;
  /** The cell's markup (escaped by the caller; see escape.ts). */
  html: (row: Row) => string;
  /** A number to sort by (the formatted text, `1.2 MB`, does not sort); makes the column numeric. */
  sort?: (row: Row) => number;
  /** Extra class names for the cell (`name`: wraps long class names). */
  className?: string;
}

export interface TableOptions {
  caption?: string;
  /** A label for assistive technology and for tests (`aria-label`). */
  label: string;
}

/** A table the report's script can sort: click a header, click again to reverse. */
export function renderTable<Row>(columns: HtmlColumn<Row>[], rows: readonly Row[], options: TableOptions): string {
  const head = columns
    .map((c) => {
      const numeric = c.sort !== undefined;
      const attrs = numeric ? ' class="num" data-type="number"' : '';
      return `<th scope="col"${attrs}><button type="button">${escapeHtml(c.header)}</button></th>`;
    })
    .join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((c) => {
        const classes = [c.sort !== undefined ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ');
        const classAttr = classes ? ` class="${classes}"` : '';
        const sortAttr = c.sort !== undefined ? ` data-sort="${sortNumber(c.sort(row))}"` : '';
        return `<td${classAttr}${sortAttr}>${c.html(row)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  return `<div class="table-wrap"><table class="sortable" aria-label="${escapeHtml(options.label)}">${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** A finite number as the script's `Number()` reads it back. */
function sortNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}
