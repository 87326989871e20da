// The report's only script: click a column header to sort its table. It reads the numbers from
// each cell's `data-sort` (what the formatted text stands for) and touches no heap data, so it
// cannot be made to run anything. Kept as plain ES2020 text: the CSP allows it by its hash.

export const SORT_SCRIPT = `(() => {
  'use strict';
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sortKey = (row, index) => {
    const cell = row.cells[index];
    if (!cell) return '';
    return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
  };
  const compare = (a, b) => {
    const x = Number(a);
    const y = Number(b);
    if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
    return collator.compare(a, b);
  };
  const sortBy = (table, th) => {
    const index = th.cellIndex;
    const previous = th.getAttribute('aria-sort');
    // Numbers: largest first on the first click; text: A to Z.
    const ascending = previous ? previous === 'descending' : th.getAttribute('data-type') !== 'number';
    for (const cell of th.parentElement.cells) cell.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort((r1, r2) => (ascending ? 1 : -1) * compare(sortKey(r1, index), sortKey(r2, index)));
    body.append(...rows);
  };
  for (const table of document.querySelectorAll('table.sortable')) {
    if (!table.tHead || !table.tBodies[0]) continue;
    for (const th of table.tHead.rows[0].cells) {
      const button = th.querySelector('button');
      if (button) button.addEventListener('click', () => sortBy(table, th));
    }
  }
})();`;
