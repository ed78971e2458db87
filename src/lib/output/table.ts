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
export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const texts = columns.map((column) => rows.map((row) => oneLine(column.get(row))))
  const widths = columns.map((column, i) => texts[i].reduce((widest, text) => Math.max(widest, text.length), column.header.length))
  widths[widths.length - 1] += 2
  const table = new Table({
    chars: NO_BORDERS,
    colWidths: widths,
    wordWrap: false,
    // compact: no rule drawn between rows
    style: {head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true},
  })
  table.push(columns.map((c) => c.header), widths.map((w) => '-'.repeat(w)))
  if (rows.length > 0) table.push(texts.map((column) => column.join('\n')))
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
}

function oneLine(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/\r\n|[\r\n]/g, ' ') : text
}
