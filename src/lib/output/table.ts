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
// so every line of a cell is one row and the rows line up exactly as before.
//
// cli-table3 as it is published (under bin/dev.js and in unit tests) cuts each cell's whole text down
// to 10 columns one character at a time for a debug message, which grows with the square of a cell's
// length: 1,000 lines in one cell took minutes. The built bundles drop that truncation and say so
// (scripts/bundle-patches.js); without it, cells are kept to a few lines (0.5 s for 1,000 rows).
//
// Plain loops and one pass of a regular expression over the result, not a callback per value: a
// command runs this once, before V8 has optimised anything, so each call per value is paid in full.
const LINES_PER_CELL = (Table as unknown as {withoutDebugTruncation?: boolean}).withoutDebugTruncation ? Infinity : 5

export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const texts: string[][] = []
  const widths: number[] = []
  for (const column of columns) {
    const lines = new Array<string>(rows.length)
    let width = column.header.length
    for (let i = 0; i < rows.length; i++) {
      const text = oneLine(column.get(rows[i]))
      lines[i] = text
      if (text.length > width) width = text.length
    }
    texts.push(lines)
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
  for (let start = 0; start < rows.length; start += LINES_PER_CELL) {
    table.push(texts.map((lines) => lines.slice(start, start + LINES_PER_CELL).join('\n')))
  }
  return table.toString().replace(TRAILING_SPACES, '')
}

// what String#trimEnd takes off each line: any white space but the line break itself
const TRAILING_SPACES = /[^\S\n]+$/gm

function oneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/\r\n|[\r\n]/g, ' ') : text
}
