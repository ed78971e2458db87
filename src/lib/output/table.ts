import Table from 'cli-table3'

export interface Column<Row> {
  header: string
  get(row: Row): string
}

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
}

// cli-table3's layout pass grows faster than linearly with the row count, so long lists are laid out in
// slices of this many rows; the column widths are ours, so the slices line up exactly. Past that, its
// cost is per cell (≈20 µs each in a fresh process) for any slice size from 5 to 50; 20 measured best.
const ROWS_PER_SLICE = 20

// Renders the overview seed's tables: headers, a dashed rule under each, columns two spaces apart.
// The last column's rule is two wider than its text, as in the seed; no trailing spaces, no colour.
export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.get(row)))
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i].length)))
  widths[widths.length - 1] += 2
  const lines = [columns.map((c) => c.header), widths.map((w) => '-'.repeat(w)), ...cells]
  const rendered: string[] = []
  for (let start = 0; start < lines.length; start += ROWS_PER_SLICE) {
    const table = new Table({
      chars: NO_BORDERS,
      colWidths: widths,
      wordWrap: false,
      // compact: no rule drawn between rows (ours are empty anyway, but each one costs a pass over the row)
      style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true},
    })
    table.push(...lines.slice(start, start + ROWS_PER_SLICE))
    rendered.push(table.toString())
  }
  return rendered
    .join('\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
}
