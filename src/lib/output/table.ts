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

// Renders the overview seed's tables: headers, a dashed rule under each, columns two spaces apart.
// The last column's rule is two wider than its text, as in the seed; no trailing spaces, no colour.
//
// Each column's rows go to cli-table3 as one cell of many lines, not one cell per value: cli-table3
// builds a cell object per value and measures it line by line, ≈6 µs a cell in a fresh process, which
// for 1,000 add-ons was most of `addons`'s time. Values hold no line breaks (a break would be a space),
// so the n-th line of every column cell is the n-th row and the rows line up exactly as before.
//
// Plain loops and one pass of a regular expression over the result, not a callback per value: a
// command runs this once, before V8 has optimised anything, so each call per value is paid in full.
export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells: string[] = []
  const widths: number[] = []
  for (const column of columns) {
    const lines = new Array<string>(rows.length)
    let width = column.header.length
    for (let i = 0; i < rows.length; i++) {
      const text = oneLine(column.get(rows[i]))
      lines[i] = text
      if (text.length > width) width = text.length
    }
    cells.push(lines.join('\n'))
    widths.push(width)
  }
  widths[widths.length - 1] += 2
  const table = new Table({
    chars: NO_BORDERS,
    colWidths: widths,
    wordWrap: false,
    // compact: no rule drawn between rows
    style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true},
  })
  table.push(columns.map((c) => c.header), widths.map((w) => '-'.repeat(w)))
  if (rows.length > 0) table.push(cells)
  return table.toString().replace(TRAILING_SPACES, '')
}

// what String#trimEnd takes off each line: any white space but the line break itself
const TRAILING_SPACES = /[^\S\n]+$/gm

function oneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/\r\n|[\r\n]/g, ' ') : text
}
