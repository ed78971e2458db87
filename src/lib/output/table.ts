import Table from 'cli-table3'

export interface Column<Row> {
  header: string
  get(row: Row): string
}

// Renders the overview seed's tables: headers, a dashed rule under each, columns two spaces apart.
// The last column's rule is two wider than its text, as in the seed; no trailing spaces, no colour.
export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.get(row)))
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i].length)))
  widths[widths.length - 1] += 2
  const table = new Table({
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '  ',
    },
    colWidths: widths,
    wordWrap: false,
    style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0},
  })
  table.push(columns.map((c) => c.header), widths.map((w) => '-'.repeat(w)), ...cells)
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
}
